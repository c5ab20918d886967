package io.flowcast.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowcast.aggregate.RedisKeys;
import io.flowcast.kafka.KafkaLoad;
import io.flowcast.records.DeadLetterReason;
import io.flowcast.cdc.MirrorTable;
import io.flowcast.cluster.LocalKafkaBroker;
import io.flowcast.config.FlowcastConfig;
import io.flowcast.generator.BadEventKind;
import io.flowcast.generator.CdcGenerator;
import io.flowcast.generator.GeneratedBatch;
import io.flowcast.generator.GeneratedMessage;
import io.flowcast.generator.GeneratorConfig;
import io.flowcast.generator.GeneratorLedger;
import io.flowcast.records.CdcMessage;
import io.flowcast.sql.ScratchDatabase;
import io.flowcast.testing.FailOnceAfterCheckpoint;
import io.flowcast.testing.JobServices;
import io.flowcast.testing.MiniClusterJobs;
import io.flowcast.testing.MirrorLedgerChecks;
import java.math.BigDecimal;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.RedisClient;

/**
 * InventoryMirrorJob end to end on a MiniCluster, against a real Kafka broker, PostgreSQL and
 * Redis: the generator's CDC history (with bad events, updates and deletes) goes through the job,
 * which is killed once mid-stream after a checkpoint; afterwards PostgreSQL and Redis must equal
 * the generator's ledger exactly (nothing lost, nothing doubled) and every bad event must be in
 * the dead-letter table with its reason.
 */
class InventoryMirrorJobITCase {

    /** Redis logical database used only by this test (flushed before it runs); -Dflowcast.it.redis-db=N moves it. */
    private static final String REDIS_URL = JobServices.redisUrl(11);

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4).build());

    private static JobServices services;
    private static LocalKafkaBroker kafka;
    private static ScratchDatabase db;
    private static GeneratorLedger ledger;
    private static long messages;

    @BeforeAll
    static void startServicesAndLoadHistory() throws Exception {
        services = JobServices.start("mirror_it", REDIS_URL);
        kafka = services.kafka();
        db = services.db();
        GeneratorConfig config = GeneratorConfig.builder()
                .seed(20261124L)
                .products(12)
                .weeks(16)
                .badFraction(0.02)
                .build();
        GeneratedBatch batch = new CdcGenerator(config).generateAll();
        ledger = batch.ledger();
        messages = MirrorLedgerChecks.publish(kafka, batch);
    }

    @AfterAll
    static void stopServices() throws Exception {
        if (services != null) {
            services.close();
        }
    }

    @Test
    void mirrorsTheLedgerExactlyAcrossAFailureAndRestart() throws Exception {
        assertThat(ledger.badEvents()).as("the history has bad events").isPositive();
        FailOnceAfterCheckpoint.FAILED.set(false);
        FlowcastConfig config = FlowcastConfig.load(null, Map.of(), services.overrides(
                "postgres.batch-size=500",
                "redis.batch-size=500"));
        MirrorJobOptions options = MirrorJobOptions.from(config);

        StreamExecutionEnvironment env = MiniClusterJobs.environment();
        DataStream<CdcMessage> source = InventoryMirrorJob.source(env, options, true)
                .map(new FailOnceAfterCheckpoint<>(messages / 8, 2))
                .name("inject-failure")
                .uid("inject-failure");
        InventoryMirrorJob.wire(source, options);
        env.execute("InventoryMirrorJobITCase");

        assertThat(FailOnceAfterCheckpoint.FAILED).as("the job failed once and recovered").isTrue();

        try (Connection connection = db.connect()) {
            MirrorLedgerChecks.assertMirrorTablesEqualLedger(connection, ledger);
            MirrorLedgerChecks.assertDeadLettersEqualLedger(connection, ledger);
            assertThat(count(connection, "SELECT count(DISTINCT table_name) FROM flowcast.data_quality_events"
                    + " WHERE check_name = 'volume'")).isGreaterThanOrEqualTo(MirrorTable.values().length);
            assertThat(count(connection, "SELECT count(*) FROM flowcast.data_quality_events WHERE check_name = 'reject_rate'"
                    + " AND NOT passed")).as("windows with rejects are flagged").isPositive();
            assertAlertsFollowFinalStock(connection);
        }
        MirrorLedgerChecks.assertRedisEqualsLedger(REDIS_URL, ledger);
    }

    /**
     * Alerts are transitions, so the last alert of a critical product in a warehouse must say
     * what its final stock says: LOW_STOCK exactly when on-hand ended below the minimum.
     */
    private static void assertAlertsFollowFinalStock(Connection connection) throws Exception {
        MirrorTable master = MirrorTable.PRODUCT_MASTER;
        MirrorTable stock = MirrorTable.STOCK_LEVELS;
        Map<String, BigDecimal> criticalMinimum = new HashMap<>();
        ledger.rows(master).forEach((key, row) -> {
            if (Boolean.TRUE.equals(row[master.indexOfSource("critico")]) && row[master.indexOfSource("estoque_minimo")] != null) {
                criticalMinimum.put((String) row[master.indexOfSource("codigo_produto")], (BigDecimal) row[master.indexOfSource("estoque_minimo")]);
            }
        });
        assertThat(criticalMinimum).as("the history has critical products").isNotEmpty();
        Map<String, String> expectedLastAlert = new TreeMap<>();
        ledger.rows(stock).forEach((key, row) -> {
            String product = (String) row[stock.indexOfSource("codigo_produto")];
            BigDecimal minimum = criticalMinimum.get(product);
            if (minimum != null && ((BigDecimal) row[stock.indexOfSource("quantidade_disponivel")]).compareTo(minimum) < 0) {
                expectedLastAlert.put(product + "@" + row[stock.indexOfSource("deposito")], "LOW_STOCK");
            }
        });
        assertThat(count(connection, "SELECT count(*) FROM flowcast.inventory_alerts WHERE alert_type = 'LOW_STOCK'"))
                .as("critical products ran low at least once").isPositive();
        Map<String, String> lastAlert = new TreeMap<>();
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT DISTINCT ON (product_code, warehouse) product_code, warehouse, alert_type"
                        + " FROM flowcast.inventory_alerts ORDER BY product_code, warehouse, event_time DESC")) {
            while (rs.next()) {
                assertThat(criticalMinimum).as("alerts only for critical products").containsKey(rs.getString(1));
                if (rs.getString(3).equals("LOW_STOCK")) {
                    lastAlert.put(rs.getString(1) + "@" + rs.getString(2), "LOW_STOCK");
                }
            }
        }
        assertThat(lastAlert).isEqualTo(expectedLastAlert);
    }


    private static long count(Connection connection, String sql) throws Exception {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
