package io.flowcast.sinks;

import io.flowcast.records.InventoryAlert;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import org.apache.flink.connector.jdbc.JdbcStatementBuilder;
import org.apache.flink.connector.jdbc.core.datastream.sink.JdbcSink;

/** {@code inventory_alerts}: LOW_STOCK / RECOVERED transitions, keyed by the change that triggered them. */
public final class InventoryAlertSink {

    static final String SQL =
            "INSERT INTO flowcast.inventory_alerts (product_code, warehouse, alert_type, event_time, on_hand, min_stock,"
                    + " source_topic, source_partition, source_offset) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT DO NOTHING";

    private InventoryAlertSink() {}

    public static JdbcSink<InventoryAlert> create(PostgresOptions options) {
        return JdbcRowSinks.atLeastOnce(SQL, new Binder(), options);
    }

    static final class Binder implements JdbcStatementBuilder<InventoryAlert> {
        private static final long serialVersionUID = 1L;

        @Override
        public void accept(PreparedStatement ps, InventoryAlert a) throws SQLException {
            ps.setString(1, a.productCode());
            ps.setString(2, a.warehouse());
            ps.setString(3, a.alertType());
            ps.setTimestamp(4, new Timestamp(a.eventTimeMillis()));
            ps.setBigDecimal(5, a.onHand());
            ps.setBigDecimal(6, a.minStock());
            ps.setString(7, a.sourceTopic());
            ps.setInt(8, a.sourcePartition());
            ps.setLong(9, a.sourceOffset());
        }
    }
}
