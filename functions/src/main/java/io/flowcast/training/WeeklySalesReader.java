package io.flowcast.training;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads weekly units from flowcast.weekly_sales. A week without a row had no sales: the series
 * is dense from its first week with sales to {@code to}, zeros filled in.
 */
public final class WeeklySalesReader {

    /** A product x region key. */
    public record Key(String productCode, String region) {}

    /** Weekly units from {@code firstWeek}, one value per week. */
    public record WeeklySeries(LocalDate firstWeek, double[] units) {}

    private final Connection connection;

    public WeeklySalesReader(Connection connection) {
        this.connection = connection;
    }

    /** Every series with a sale up to {@code to}, ordered. */
    public List<Key> keys(LocalDate to) throws SQLException {
        List<Key> out = new ArrayList<>();
        try (PreparedStatement st = connection.prepareStatement(
                "SELECT DISTINCT product_code, region FROM flowcast.weekly_sales WHERE week_start <= ? "
                        + "ORDER BY product_code, region")) {
            st.setDate(1, Date.valueOf(to));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new Key(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return out;
    }

    /** First and latest week in the table; null when it is empty. */
    public LocalDate[] weekRange() throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(
                "SELECT min(week_start), max(week_start) FROM flowcast.weekly_sales");
                ResultSet rs = st.executeQuery()) {
            rs.next();
            Date min = rs.getDate(1);
            return min == null ? null : new LocalDate[] {min.toLocalDate(), rs.getDate(2).toLocalDate()};
        }
    }

    /** The series up to and including week {@code to}; empty units when it has no sale by then. */
    public WeeklySeries read(Key key, LocalDate to) throws SQLException {
        List<LocalDate> weeks = new ArrayList<>();
        List<Double> units = new ArrayList<>();
        try (PreparedStatement st = connection.prepareStatement(
                "SELECT week_start, units FROM flowcast.weekly_sales WHERE product_code = ? AND region = ? "
                        + "AND week_start <= ? ORDER BY week_start")) {
            st.setString(1, key.productCode());
            st.setString(2, key.region());
            st.setDate(3, Date.valueOf(to));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    weeks.add(rs.getDate(1).toLocalDate());
                    units.add(rs.getDouble(2));
                }
            }
        }
        if (weeks.isEmpty()) {
            return new WeeklySeries(to, new double[0]);
        }
        LocalDate first = weeks.get(0);
        double[] dense = new double[(int) ChronoUnit.WEEKS.between(first, to) + 1];
        for (int i = 0; i < weeks.size(); i++) {
            dense[(int) ChronoUnit.WEEKS.between(first, weeks.get(i))] += units.get(i);
        }
        return new WeeklySeries(first, dense);
    }
}
