package io.flowcast.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowcast.aggregate.RedisKeys;
import io.flowcast.cdc.MirrorTable;
import io.flowcast.config.FlowcastConfig;
import io.flowcast.generator.CdcGenerator;
import io.flowcast.generator.GeneratorConfig;
import io.flowcast.generator.GeneratorLedger;
import io.flowcast.reconcile.DiffKind;
import io.flowcast.sql.ScratchDatabase;
import io.flowcast.testing.JobServices;
import io.flowcast.testing.LocalHdfs;
import io.flowcast.testing.MirrorLoader;
import io.flowcast.testing.MirrorSnapshot;
import io.flowcast.warehouse.HadoopOptions;
import io.flowcast.warehouse.PostgresSource;
import io.flowcast.warehouse.SnapshotExporter;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.RedisClient;

/**
 * ReconciliationJob against a real HDFS snapshot, PostgreSQL and Redis: rows deleted, altered and
 * added in the mirror behind the job's back are found (dry run changes nothing), repaired with one
 * audit row each and the derived Redis totals rewritten, after which a second run finds nothing;
 * an unreadable Parquet file is reported by path while the rest of the snapshot is compared, and
 * its table's rows are not deleted by a repair.
 */
class ReconciliationITCase {

    private static final String REDIS_URL = JobServices.redisUrl(13);
    private static final LocalDate DATE = LocalDate.parse("2026-12-01");

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private static LocalHdfs hdfs;
    private static GeneratorLedger ledger;

    @BeforeAll
    static void start() throws Exception {
        hdfs = LocalHdfs.start();
        ledger = new CdcGenerator(GeneratorConfig.builder().seed(42L).products(8).weeks(12).badFraction(0).build())
                .generateAll().ledger();
    }

    @AfterAll
    static void stop() {
        if (hdfs != null) {
            hdfs.close();
        }
    }

    @Test
    void findsAndRepairsRowsChangedBehindTheJobsBack() throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create("recon_it");
                RedisClient redis = RedisClient.create(URI.create(REDIS_URL))) {
            redis.flushDB();
            FlowcastConfig config = config(db, "/warehouse-a", 400);
            HadoopOptions hadoop = HadoopOptions.from(config);
            try (Connection connection = db.connect()) {
                for (MirrorTable table : MirrorTable.values()) {
                    MirrorLoader.load(connection, table, ledger.rows(table));
                }
            }
            try (PostgresSource source = PostgresSource.mirror(config.postgres())) {
                new SnapshotExporter(hadoop).export(source, DATE, List.of(MirrorTable.values()));
            }

            // Behind the job's back: 3 order lines deleted, 2 transactions altered, 2 purchases made
            // up, one product's daily total in Redis made stale.
            Object[] altered;
            try (Connection connection = db.connect(); Statement st = connection.createStatement()) {
                st.executeUpdate("DELETE FROM flowcast.ml_sales_orders WHERE (order_number, line_number) IN"
                        + " (SELECT order_number, line_number FROM flowcast.ml_sales_orders ORDER BY 1, 2 LIMIT 3)");
                st.executeUpdate("UPDATE flowcast.ml_inventory_transactions SET quantity = quantity + 1000 WHERE transaction_id IN"
                        + " (SELECT transaction_id FROM flowcast.ml_inventory_transactions ORDER BY 1 LIMIT 2)");
                st.executeUpdate("INSERT INTO flowcast.ml_purchases (purchase_number, line_number, product_code, supplier, quantity,"
                        + " unit_cost, ordered_at, month, quarter, day_of_week, is_weekend, source_op, source_topic, source_partition,"
                        + " source_offset) VALUES ('FAKE-1', 1, 'P0001', 'X', 1, 1, now(), 1, 1, 1, false, 'c', 'castrolanda.procurement.purchases', 0, 0),"
                        + " ('FAKE-2', 1, 'P0001', 'X', 1, 1, now(), 1, 1, 1, false, 'c', 'castrolanda.procurement.purchases', 0, 0)");
                try (ResultSet rs = st.executeQuery("SELECT product_code, moved_at FROM flowcast.ml_inventory_transactions ORDER BY transaction_id LIMIT 1")) {
                    rs.next();
                    altered = new Object[] {rs.getString(1), rs.getObject(2, java.time.OffsetDateTime.class).toInstant()};
                }
            }
            String product = (String) altered[0];
            LocalDate day = LocalDate.ofInstant((Instant) altered[1], ZoneOffset.UTC);
            String dailyKey = RedisKeys.daily(product, day);
            redis.hset(dailyKey, Map.of("transactions", "999", "volume", "999", "value", "999"));

            ReconciliationRunner.Report dry = ReconciliationRunner.fromConfig(config, "snapshot", DATE.toString(), false).run(env());
            assertThat(dry.result().count(DiffKind.MISSING)).isEqualTo(3);
            assertThat(dry.result().count(DiffKind.DIFFERENT)).isEqualTo(2);
            assertThat(dry.result().count(DiffKind.EXTRA)).isEqualTo(2);
            assertThat(dry.result().tables().get(MirrorTable.SALES_ORDERS).sourceRows()).isEqualTo(ledger.rowCount(MirrorTable.SALES_ORDERS));
            assertThat(dry.repaired()).isZero();
            try (Connection connection = db.connect()) {
                assertThat(count(connection, "SELECT count(*) FROM flowcast.reconciliation_diffs WHERE run_id = " + dry.runId())).isEqualTo(7);
                assertThat(count(connection, "SELECT count(*) FROM flowcast.reconciliation_audit")).isZero();
                assertThat(count(connection, "SELECT count(*) FROM flowcast.ml_purchases WHERE purchase_number LIKE 'FAKE-%'"))
                        .as("a dry run changes nothing").isEqualTo(2);
                assertThat(count(connection, "SELECT count(*) FROM flowcast.data_quality_events WHERE check_name = 'source_row_count'"
                        + " AND NOT passed")).as("row counts differ in orders and purchases").isEqualTo(2);
            }

            ReconciliationRunner.Report repair = ReconciliationRunner.fromConfig(config, "snapshot", DATE.toString(), true).run(env());
            assertThat(repair.repaired()).isEqualTo(7);
            try (Connection connection = db.connect()) {
                for (MirrorTable table : MirrorTable.values()) {
                    assertThat(MirrorSnapshot.read(connection, table)).as(table.mirrorTable())
                            .isEqualTo(MirrorSnapshot.canonical(table, ledger.rows(table)));
                }
                assertThat(auditActions(connection, repair.runId())).isEqualTo(Map.of("INSERT", 3L, "UPDATE", 2L, "DELETE", 2L));
                assertThat(count(connection, "SELECT count(*) FROM flowcast.reconciliation_audit WHERE action = 'UPDATE'"
                        + " AND before_hash <> after_hash AND cardinality(redis_keys) = 3")).isEqualTo(2);
            }
            Map<String, String> daily = redis.hgetAll(dailyKey);
            assertThat(daily).isEqualTo(expectedDaily(product, day));

            ReconciliationRunner.Report again = ReconciliationRunner.fromConfig(config, "snapshot", DATE.toString(), false).run(env());
            assertThat(again.result().diffs()).as("after --repair a second run finds nothing").isEmpty();
        }
    }

    @Test
    void anUnreadableFileIsReportedAndTheRestCompared() throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create("recon_it")) {
            FlowcastConfig config = config(db, "/warehouse-b", 100);
            try (Connection connection = db.connect()) {
                for (MirrorTable table : MirrorTable.values()) {
                    MirrorLoader.load(connection, table, ledger.rows(table));
                }
                try (Statement st = connection.createStatement()) {
                    st.executeUpdate("UPDATE flowcast.ml_product_master SET description = 'changed' WHERE product_code = 'P0002'");
                }
            }
            try (PostgresSource source = PostgresSource.mirror(config.postgres())) {
                new SnapshotExporter(HadoopOptions.from(config)).export(source, DATE, List.of(MirrorTable.values()));
            }
            try (Connection connection = db.connect(); Statement st = connection.createStatement()) {
                st.executeUpdate("UPDATE flowcast.ml_product_master SET description = 'changed again' WHERE product_code = 'P0002'");
            }
            FileSystem fs = hdfs.fileSystem();
            Path damaged = new Path("/warehouse-b/sales/orders/dt=" + DATE + "/part-00001.parquet");
            long length = fs.getFileStatus(damaged).getLen();
            try (OutputStream out = fs.create(damaged, true)) {
                out.write(new byte[(int) length]);
            }
            long damagedRows = ledger.rowCount(MirrorTable.SALES_ORDERS) > 200 ? 100 : 0;
            assertThat(damagedRows).as("the orders table spans several files").isEqualTo(100);

            ReconciliationRunner.Report report = ReconciliationRunner.fromConfig(config, "snapshot", DATE.toString(), true).run(env());
            assertThat(report.result().errors()).hasSize(1);
            assertThat(report.result().errors().get(0).file()).endsWith("part-00001.parquet");
            assertThat(report.result().errors().get(0).error()).contains("part-00001.parquet");
            // The other tables were compared: the altered product is found and repaired.
            assertThat(report.result().tables().get(MirrorTable.PRODUCT_MASTER).different()).isEqualTo(1);
            // The unread file's rows look EXTRA, but are not deleted.
            assertThat(report.result().tables().get(MirrorTable.SALES_ORDERS).extra()).isEqualTo(damagedRows);
            assertThat(report.repaired()).isEqualTo(1);
            try (Connection connection = db.connect()) {
                assertThat(count(connection, "SELECT count(*) FROM flowcast.ml_sales_orders")).isEqualTo(ledger.rowCount(MirrorTable.SALES_ORDERS));
                assertThat(count(connection, "SELECT count(*) FROM flowcast.ml_product_master WHERE description LIKE 'changed%'")).isEqualTo(1);
                try (Statement st = connection.createStatement();
                        ResultSet rs = st.executeQuery("SELECT status, errors::text FROM flowcast.reconciliation_runs WHERE run_id = " + report.runId())) {
                    rs.next();
                    assertThat(rs.getString(1)).isEqualTo("succeeded");
                    assertThat(rs.getString(2)).contains("part-00001.parquet");
                }
            }
        }
    }

    private static FlowcastConfig config(ScratchDatabase db, String root, int rowsPerFile) {
        return FlowcastConfig.load(null, Map.of(), List.of(
                "postgres.url=" + db.url(),
                "redis.url=" + REDIS_URL,
                "hadoop.fs-uri=" + hdfs.uri(),
                "hadoop.warehouse-root=" + root,
                "hadoop.rows-per-file=" + rowsPerFile));
    }

    private static StreamExecutionEnvironment env() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        return env;
    }

    private static Map<String, String> expectedDaily(String product, LocalDate day) {
        MirrorTable t = MirrorTable.INVENTORY_TRANSACTIONS;
        long count = 0;
        BigDecimal volume = BigDecimal.ZERO;
        BigDecimal value = BigDecimal.ZERO;
        for (Object[] row : ledger.rows(t).values()) {
            if (row[t.indexOfSource("codigo_produto")].equals(product)
                    && LocalDate.ofInstant((Instant) row[t.eventTimeIndex()], ZoneOffset.UTC).equals(day)) {
                count++;
                volume = volume.add((BigDecimal) row[t.indexOfSource("quantidade")]);
                value = value.add(t.valueTotal(row));
            }
        }
        return Map.of("transactions", Long.toString(count),
                "volume", volume.stripTrailingZeros().toPlainString(),
                "value", value.stripTrailingZeros().toPlainString());
    }

    private static Map<String, Long> auditActions(Connection connection, long runId) throws Exception {
        Map<String, Long> actions = new HashMap<>();
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT action, count(*) FROM flowcast.reconciliation_audit WHERE run_id = " + runId + " GROUP BY 1")) {
            while (rs.next()) {
                actions.put(rs.getString(1), rs.getLong(2));
            }
        }
        return actions;
    }

    private static long count(Connection connection, String sql) throws Exception {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
