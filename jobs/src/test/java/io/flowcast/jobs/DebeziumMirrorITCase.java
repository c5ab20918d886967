package io.flowcast.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowcast.cdc.Column;
import io.flowcast.cdc.MirrorTable;
import io.flowcast.cluster.LocalConnectWorker;
import io.flowcast.config.FlowcastConfig;
import io.flowcast.generator.CdcGenerator;
import io.flowcast.generator.ChangeEvent;
import io.flowcast.generator.ChangeOp;
import io.flowcast.generator.GeneratorConfig;
import io.flowcast.generator.GeneratorLedger;
import io.flowcast.generator.WarehouseSqlWriter;
import io.flowcast.kafka.KafkaLoad;
import io.flowcast.kafka.WarehouseReplay;
import io.flowcast.quality.RowFingerprint;
import io.flowcast.records.CdcMessage;
import io.flowcast.sql.ScratchDatabase;
import io.flowcast.testing.FailOnceAfterCheckpoint;
import io.flowcast.testing.JobServices;
import io.flowcast.testing.MiniClusterJobs;
import io.flowcast.testing.MirrorSnapshot;
import java.net.URI;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Real Debezium in the loop: the generator's history is written with SQL (inserts, updates,
 * deletes) into warehouse tables of a scratch database, a Kafka Connect worker runs the Debezium
 * PostgreSQL connector with default settings, and InventoryMirrorJob (killed once after a
 * checkpoint) mirrors the topics into the same database. Each mirror table must then equal its
 * source table (compared with SQL, table by table) and the generator's ledger; bad events injected
 * on the same topics must be dead letters; and the data-quality monitor must report exactly the
 * duplicates, nulls and schema drift the test caused.
 */
class DebeziumMirrorITCase {

    private static final String REDIS_URL = JobServices.redisUrl(13);

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4).build());

    private static JobServices services;
    private static ScratchDatabase db;
    private static LocalConnectWorker connect;
    private static GeneratorLedger ledger;
    private static WarehouseReplay.Result replay;
    /** Per table and source column: inserts/updates in which it was null (what null_rate must add up to). */
    private static final Map<String, Long> expectedNulls = new TreeMap<>();
    /** Per mirror table: changes repeating the key and content of the row's previous change. */
    private static final Map<String, Long> expectedDuplicates = new TreeMap<>();

    @BeforeAll
    static void startServicesAndWriteHistory() throws Exception {
        services = JobServices.start("debezium_it", REDIS_URL);
        db = services.db();
        try (Connection c = db.connect()) {
            WarehouseSqlWriter.createTables(c);
        }
        URI server = URI.create(ScratchDatabase.SERVER.substring("jdbc:".length()));
        connect = LocalConnectWorker.start(services.kafka().bootstrap(), server.getHost(), server.getPort(), ScratchDatabase.USER, db.name());

        GeneratorConfig config = GeneratorConfig.builder().seed(20261202L).products(6).weeks(10).badFraction(0.01).build();
        CdcGenerator.CdcStream stream = new CdcGenerator(config).stream();
        CdcGenerator.CdcStream expectations = new CdcGenerator(config).stream();
        try (Connection warehouse = db.connect(); KafkaProducer<byte[], byte[]> producer = KafkaLoad.producer(services.kafka().bootstrap())) {
            replay = WarehouseReplay.play(stream, warehouse, producer, 200, 0, 0, at -> {});
        }
        ledger = stream.ledger();
        Map<String, Long> lastContent = new HashMap<>();
        while (expectations.hasNext()) {
            expectations.next();
            if (expectations.lastEvent() != null) {
                expect(expectations.lastEvent(), lastContent);
            }
        }

        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            // A no-op update: Debezium emits it, the monitor must call it a duplicate.
            st.execute("UPDATE inventory.product_master SET descricao = descricao"
                    + " WHERE codigo_produto = (SELECT min(codigo_produto) FROM inventory.product_master)");
            expectedDuplicates.merge(MirrorTable.PRODUCT_MASTER.mirrorTable(), 1L, Long::sum);
            try (ResultSet rs = st.executeQuery("SELECT * FROM inventory.product_master ORDER BY codigo_produto LIMIT 1")) {
                rs.next();
                for (Column column : MirrorTable.PRODUCT_MASTER.columns()) {
                    if (rs.getObject(column.source()) == null) {
                        expectedNulls.merge(MirrorTable.PRODUCT_MASTER.mirrorTable() + "." + column.target(), 1L, Long::sum);
                    }
                }
            }
            // A column added at the source: the next row carries a field the contract does not know.
            st.execute("ALTER TABLE inventory.stock_levels ADD COLUMN lote text");
            st.execute("INSERT INTO inventory.stock_levels (codigo_produto, deposito, quantidade_disponivel, data_atualizacao, lote)"
                    + " VALUES ('P-DRIFT', 'CD-SP', 5, now() - interval '1 hour', 'L-7')");
        }
        long expected = replay.expectedKafkaMessages() + 2;
        List<String> topics = new ArrayList<>(Arrays.stream(MirrorTable.values()).map(MirrorTable::topic).toList());
        topics.add(CdcGenerator.UNKNOWN_TABLE_TOPIC);
        long deadline = System.currentTimeMillis() + 60_000;
        long inKafka;
        while ((inKafka = KafkaLoad.endOffsetTotal(services.kafka().bootstrap(), topics)) < expected
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(250);
        }
        assertThat(inKafka).as("CDC messages in Kafka (connector log: " + tail(connect) + ")").isEqualTo(expected);
    }

    private static void expect(ChangeEvent event, Map<String, Long> lastContent) {
        MirrorTable table = event.table();
        boolean delete = event.op() == ChangeOp.DELETE;
        Object[] row = delete ? event.before() : event.after();
        long content = delete ? io.flowcast.records.QualitySample.DELETED_CONTENT : RowFingerprint.contentHash(row);
        Long previous = lastContent.put(table.name() + "|" + table.keyString(row), content);
        if (previous != null && previous == content) {
            expectedDuplicates.merge(table.mirrorTable(), 1L, Long::sum);
        }
        if (!delete) {
            for (int i = 0; i < row.length; i++) {
                if (row[i] == null) {
                    expectedNulls.merge(table.mirrorTable() + "." + table.columns().get(i).target(), 1L, Long::sum);
                }
            }
        }
    }

    private static String tail(LocalConnectWorker worker) {
        try {
            List<String> lines = Files.readAllLines(worker.logFile());
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (Exception e) {
            return "unreadable: " + e;
        }
    }

    @AfterAll
    static void stopServices() throws Exception {
        try {
            if (connect != null) {
                connect.close();
            }
        } finally {
            if (services != null) {
                services.close();
            }
        }
    }

    @Test
    void mirrorEqualsTheSourceTablesAcrossAFailureAndReportsQuality() throws Exception {
        FailOnceAfterCheckpoint.FAILED.set(false);
        FlowcastConfig config = FlowcastConfig.load(null, Map.of(), services.overrides());
        MirrorJobOptions options = MirrorJobOptions.from(config);
        long messages = replay.expectedKafkaMessages();
        StreamExecutionEnvironment env = MiniClusterJobs.environment();
        DataStream<CdcMessage> source = InventoryMirrorJob.source(env, options, true)
                .map(new FailOnceAfterCheckpoint<>(messages / 8, 2))
                .name("inject-failure")
                .uid("inject-failure");
        InventoryMirrorJob.wire(source, options);
        env.execute("DebeziumMirrorITCase");
        assertThat(FailOnceAfterCheckpoint.FAILED).as("the job failed once and recovered").isTrue();

        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("SET TIME ZONE 'UTC'");
            for (MirrorTable table : MirrorTable.values()) {
                assertThat(count(st, "SELECT count(*) FROM " + source(table))).as(table + " has rows").isPositive();
                assertThat(count(st, "SELECT count(*) FROM (" + sourceRows(table) + " EXCEPT " + mirrorRows(table) + ") d"))
                        .as(table + ": source rows missing or different in the mirror").isZero();
                assertThat(count(st, "SELECT count(*) FROM (" + mirrorRows(table) + " EXCEPT " + sourceRows(table) + ") d"))
                        .as(table + ": mirror rows not in the source").isZero();
                if (table != MirrorTable.STOCK_LEVELS) {
                    // The ledger knows every row but the one the test added to show drift.
                    assertThat(MirrorSnapshot.read(c, table)).as(table + " vs ledger")
                            .isEqualTo(MirrorSnapshot.canonical(table, ledger.rows(table)));
                }
            }
            assertThat(count(st, "SELECT count(*) FROM flowcast.dead_letter")).as("bad events are dead letters")
                    .isEqualTo(replay.badEvents()).isPositive();

            Map<String, Long> duplicates = sumsByTable(st, "duplicates", "duplicates");
            Map<String, Long> expectedDup = new TreeMap<>();
            for (MirrorTable table : MirrorTable.values()) {
                expectedDup.put(table.mirrorTable(), expectedDuplicates.getOrDefault(table.mirrorTable(), 0L));
            }
            assertThat(duplicates).isEqualTo(expectedDup);

            Map<String, Long> nulls = new TreeMap<>();
            try (ResultSet rs = st.executeQuery("SELECT table_name || '.' || substr(check_name, 11), sum((details->>'nulls')::bigint)"
                    + " FROM flowcast.data_quality_events WHERE check_name LIKE 'null\\_rate:%' GROUP BY 1")) {
                while (rs.next()) {
                    if (rs.getLong(2) > 0) {
                        nulls.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
            Map<String, Long> expectedNullsWithDriftRow = new TreeMap<>(expectedNulls);
            for (String column : List.of("reserved", "in_transit", "average_cost")) {
                expectedNullsWithDriftRow.merge("ml_stock_levels." + column, 1L, Long::sum);
            }
            assertThat(nulls).as("null_rate details add up to the nulls written").isEqualTo(expectedNullsWithDriftRow);

            try (ResultSet rs = st.executeQuery("SELECT table_name, sum(observed), string_agg(DISTINCT details->>'unknown_fields', ' ')"
                    + " FROM flowcast.data_quality_events WHERE check_name = 'schema_drift' AND NOT passed GROUP BY 1")) {
                assertThat(rs.next()).as("drift reported").isTrue();
                assertThat(rs.getString(1)).isEqualTo("ml_stock_levels");
                assertThat(rs.getLong(2)).isEqualTo(1);
                assertThat(rs.getString(3)).isEqualTo("[\"lote\"]");
                assertThat(rs.next()).as("no drift elsewhere").isFalse();
            }
        }
    }

    private static Map<String, Long> sumsByTable(Statement st, String check, String field) throws Exception {
        Map<String, Long> sums = new TreeMap<>();
        try (ResultSet rs = st.executeQuery("SELECT table_name, sum((details->>'" + field + "')::bigint)"
                + " FROM flowcast.data_quality_events WHERE check_name = '" + check + "' GROUP BY 1")) {
            while (rs.next()) {
                sums.put(rs.getString(1), rs.getLong(2));
            }
        }
        return sums;
    }

    private static String source(MirrorTable table) {
        return table.sourceSchema() + "." + table.sourceTable();
    }

    private static String sourceRows(MirrorTable table) {
        return "SELECT " + table.columns().stream().map(Column::source).collect(Collectors.joining(", ")) + " FROM " + source(table);
    }

    private static String mirrorRows(MirrorTable table) {
        return "SELECT " + table.columns().stream().map(Column::target).collect(Collectors.joining(", "))
                + " FROM flowcast." + table.mirrorTable();
    }

    private static long count(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
