package io.flowcast.sinks;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowcast.cdc.MirrorTable;
import io.flowcast.cdc.MirrorChange;
import io.flowcast.sql.ScratchDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Set-based upserts and deletes against the real local PostgreSQL. */
class MirrorBatchITCase {

    private static ScratchDatabase db;
    private Connection connection;

    @BeforeAll
    static void createDatabase() throws Exception {
        db = ScratchDatabase.create("sinktest");
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        db.close();
    }

    @BeforeEach
    void connect() throws Exception {
        connection = db.connect();
        connection.setAutoCommit(false);
        try (Statement st = connection.createStatement()) {
            for (MirrorTable table : MirrorTable.values()) {
                st.execute("TRUNCATE flowcast." + table.mirrorTable());
            }
        }
        connection.commit();
    }

    static MirrorChange order(char op, String number, int item, String qty, long offset) {
        Object[] row = new Object[MirrorTable.SALES_ORDERS.columns().size()];
        MirrorTable t = MirrorTable.SALES_ORDERS;
        row[t.indexOfSource("numero_pedido")] = number;
        row[t.indexOfSource("item")] = item;
        if (op != 'd') {
            row[t.indexOfSource("codigo_produto")] = "P0001";
            row[t.indexOfSource("regiao")] = "SP";
            row[t.indexOfSource("quantidade")] = new BigDecimal(qty);
            row[t.indexOfSource("preco_unitario")] = new BigDecimal("10.00");
            row[t.indexOfSource("desconto")] = new BigDecimal("0.10");
            row[t.indexOfSource("promocao")] = Boolean.TRUE;
            row[t.indexOfSource("data_pedido")] = Instant.parse("2025-03-08T10:00:00Z");
        }
        return new MirrorChange(t, op, row, 1_000L, t.topic(), 0, offset, 2_000L, null);
    }

    private List<String> rows(String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder sb = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    sb.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                out.add(sb.toString());
            }
        }
        connection.commit();
        return out;
    }

    @Test
    void reducesToTheLastChangePerKeyAndWritesDerivedFields() throws Exception {
        MirrorBatch batch = new MirrorBatch();
        batch.add(order('c', "PV-1", 1, "5", 1));
        batch.add(order('u', "PV-1", 1, "7", 2));
        batch.add(order('c', "PV-1", 2, "1", 3));
        batch.add(order('c', "PV-2", 1, "4", 4));
        batch.add(order('d', "PV-2", 1, null, 5));
        assertThat(batch.size()).isEqualTo(3);

        MirrorBatch.FlushResult result = batch.flush(connection);

        assertThat(result).isEqualTo(new MirrorBatch.FlushResult(3, 2, 0));
        assertThat(batch.isEmpty()).isTrue();
        assertThat(rows("SELECT order_number, line_number, quantity, value_total, month, quarter, day_of_week, is_weekend,"
                + " source_op, source_offset FROM flowcast.ml_sales_orders ORDER BY 1, 2"))
                .containsExactly("PV-1|1|7|63.0000|3|1|6|t|u|2", "PV-1|2|1|9.0000|3|1|6|t|c|3");
    }

    @Test
    void deletesAcrossFlushesAndReplayingAFlushChangesNothing() throws Exception {
        MirrorBatch batch = new MirrorBatch();
        batch.add(order('c', "PV-1", 1, "5", 1));
        batch.add(order('c', "PV-3", 1, "2", 2));
        batch.flush(connection);
        String before = String.join(",", rows("SELECT order_number, quantity FROM flowcast.ml_sales_orders ORDER BY 1"));

        for (int replay = 0; replay < 2; replay++) {
            batch.add(order('c', "PV-1", 1, "5", 1));
            batch.add(order('c', "PV-3", 1, "2", 2));
            batch.flush(connection);
        }
        assertThat(String.join(",", rows("SELECT order_number, quantity FROM flowcast.ml_sales_orders ORDER BY 1")))
                .isEqualTo(before);

        batch.add(order('d', "PV-1", 1, null, 3));
        batch.add(order('d', "PV-404", 1, null, 4));
        assertThat(batch.flush(connection)).isEqualTo(new MirrorBatch.FlushResult(2, 0, 1));
        assertThat(rows("SELECT order_number FROM flowcast.ml_sales_orders")).containsExactly("PV-3");
    }

    @Test
    void migrationColumnsMatchTheCdcContract() throws Exception {
        for (MirrorTable table : MirrorTable.values()) {
            List<String> columns = rows("SELECT column_name FROM information_schema.columns WHERE table_schema = 'flowcast'"
                    + " AND table_name = '" + table.mirrorTable() + "' AND column_name <> 'ingested_at' ORDER BY ordinal_position");
            assertThat(columns).as(table.mirrorTable()).containsExactlyInAnyOrderElementsOf(MirrorStatements.targetColumns(table));
        }
    }
}
