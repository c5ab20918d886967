package io.flowcast.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowcast.cdc.MirrorTable;
import io.flowcast.config.FlowcastConfig;
import io.flowcast.generator.CdcGenerator;
import io.flowcast.generator.GeneratedBatch;
import io.flowcast.generator.GeneratedMessage;
import io.flowcast.generator.GeneratorConfig;
import io.flowcast.jobs.InventoryMirrorJob;
import io.flowcast.jobs.MirrorJobOptions;
import io.flowcast.kafka.KafkaLoad;
import io.flowcast.records.CdcMessage;
import io.flowcast.sql.ScratchDatabase;
import io.flowcast.testing.FailOnceAfterCheckpoint;
import io.flowcast.testing.JobServices;
import io.flowcast.testing.LocalHdfs;
import io.flowcast.testing.MiniClusterJobs;
import io.flowcast.testing.MirrorSnapshot;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.flink.api.common.functions.MapFunction;
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
 * Full sync + CDC across the switch: the first part of the generator's history is mirrored by the
 * job and exported as a snapshot to a real HDFS (with the mirror's Kafka position); the rest is
 * written to Kafka afterwards. A new mirror started from the snapshot (HybridSource: Parquet files,
 * then Kafka from the snapshot's offsets), killed once during the file phase, must end equal to the
 * generator's ledger: nothing lost, nothing applied twice or out of order.
 */
class BackfillITCase {

    private static final String REDIS_URL = JobServices.redisUrl(13);
    private static final LocalDate DATE = LocalDate.parse("2026-12-02");

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4).build());

    private static JobServices services;
    private static LocalHdfs hdfs;

    /** Set when a CDC record from Kafka passed before the injected failure (it must not). */
    static final AtomicBoolean KAFKA_BEFORE_FAILURE = new AtomicBoolean();

    @BeforeAll
    static void start() throws Exception {
        services = JobServices.start("backfill_it", REDIS_URL);
        hdfs = LocalHdfs.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (hdfs != null) {
            hdfs.close();
        }
        if (services != null) {
            services.close();
        }
    }

    @Test
    void snapshotThenCdcEqualsTheLedgerAcrossAFailureInTheFilePhase() throws Exception {
        GeneratedBatch batch = new CdcGenerator(GeneratorConfig.builder()
                .seed(20261202L).products(10).weeks(14).badFraction(0.01).build()).generateAll();
        List<GeneratedMessage> messages = batch.messages();
        int cut = messages.size() * 6 / 10;
        List<String> topics = new ArrayList<>(Arrays.stream(MirrorTable.values()).map(MirrorTable::topic).toList());
        messages.stream().map(GeneratedMessage::topic).distinct().filter(t -> !topics.contains(t)).forEach(topics::add);
        String bootstrap = services.kafka().bootstrap();
        KafkaLoad.createTopics(bootstrap, topics, 3);
        try (KafkaProducer<byte[], byte[]> producer = KafkaLoad.producer(bootstrap)) {
            KafkaLoad.send(producer, messages.subList(0, cut).stream().map(KafkaLoad::record).iterator(), 0, r -> r);
        }

        // The "old" mirror: the first 60% of the history, then its snapshot on HDFS.
        FlowcastConfig first = FlowcastConfig.load(null, Map.of(), services.overrides("hadoop.fs-uri=" + hdfs.uri(),
                "hadoop.rows-per-file=700"));
        StreamExecutionEnvironment env = MiniClusterJobs.environment();
        InventoryMirrorJob.wire(InventoryMirrorJob.source(env, MirrorJobOptions.from(first), true), MirrorJobOptions.from(first));
        env.execute("backfill-it-first-part");
        HadoopOptions hadoop = HadoopOptions.from(first);
        List<SnapshotManifest> manifests;
        try (PostgresSource source = PostgresSource.mirror(first.postgres())) {
            manifests = new SnapshotExporter(hadoop).export(source, DATE, List.of(MirrorTable.values()));
        }
        long snapshotRows = manifests.stream().mapToLong(SnapshotManifest::rows).sum();
        assertThat(manifests.stream().filter(m -> !m.position().kafkaOffsets().isEmpty())).hasSize(MirrorTable.values().length);

        // The rest of the history arrives after the snapshot.
        try (KafkaProducer<byte[], byte[]> producer = KafkaLoad.producer(bootstrap)) {
            KafkaLoad.send(producer, messages.subList(cut, messages.size()).stream().map(KafkaLoad::record).iterator(), 0, r -> r);
        }

        try (ScratchDatabase fresh = ScratchDatabase.create("backfill_it_new")) {
            FlowcastConfig config = FlowcastConfig.load(null, Map.of(), services.overrides(
                    "postgres.url=" + fresh.url(), "hadoop.fs-uri=" + hdfs.uri(), "kafka.group-id=backfill-it"));
            MirrorJobOptions options = MirrorJobOptions.from(config);
            FailOnceAfterCheckpoint.FAILED.set(false);
            KAFKA_BEFORE_FAILURE.set(false);
            StreamExecutionEnvironment backfillEnv = MiniClusterJobs.environment();
            DataStream<CdcMessage> cdc = InventoryMirrorJob.backfillSource(backfillEnv, options, hadoop, DATE, true)
                    .map(new WatchPhase()).name("watch-phase").uid("watch-phase")
                    .map(new FailOnceAfterCheckpoint<>(snapshotRows / 10, 2)).name("inject-failure").uid("inject-failure");
            InventoryMirrorJob.wire(cdc, options, Duration.ofHours(1));
            backfillEnv.execute("backfill-it");

            assertThat(FailOnceAfterCheckpoint.FAILED).as("the job failed once").isTrue();
            assertThat(KAFKA_BEFORE_FAILURE).as("the failure came in the file phase").isFalse();
            try (Connection connection = fresh.connect()) {
                for (MirrorTable table : MirrorTable.values()) {
                    assertThat(MirrorSnapshot.read(connection, table)).as(table.mirrorTable())
                            .isEqualTo(MirrorSnapshot.canonical(table, batch.ledger().rows(table)));
                }
                try (Statement st = connection.createStatement();
                        ResultSet rs = st.executeQuery("SELECT count(*) FROM flowcast.dead_letter")) {
                    rs.next();
                    assertThat(rs.getLong(1)).as("bad events after the snapshot position still reach dead_letter").isPositive();
                }
            }
        }
    }

    /** Notes whether a Kafka record (partition >= 0) passes before the injected failure. */
    static final class WatchPhase implements MapFunction<CdcMessage, CdcMessage> {
        @Override
        public CdcMessage map(CdcMessage message) {
            if (message.partition() >= 0 && !FailOnceAfterCheckpoint.FAILED.get()) {
                KAFKA_BEFORE_FAILURE.set(true);
            }
            return message;
        }
    }
}
