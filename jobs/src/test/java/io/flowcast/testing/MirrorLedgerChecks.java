package io.flowcast.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowcast.aggregate.RedisKeys;
import io.flowcast.cdc.MirrorTable;
import io.flowcast.cluster.LocalKafkaBroker;
import io.flowcast.generator.BadEventKind;
import io.flowcast.generator.GeneratedBatch;
import io.flowcast.generator.GeneratedMessage;
import io.flowcast.generator.GeneratorLedger;
import io.flowcast.kafka.KafkaLoad;
import io.flowcast.records.DeadLetterReason;
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
import org.apache.kafka.clients.producer.KafkaProducer;
import redis.clients.jedis.RedisClient;

/**
 * What InventoryMirrorJob must have written, read from the generator's ledger: the mirror tables
 * row for row, the dead letters by reason, and the Redis aggregates and latest transactions with
 * their TTLs. Shared by the job's ITCases (failure injection, outage drills).
 */
public final class MirrorLedgerChecks {

    private MirrorLedgerChecks() {}

    /** Creates the CDC topics (3 partitions) of the batch and sends its messages; returns the count. */
    public static long publish(LocalKafkaBroker kafka, GeneratedBatch batch) throws Exception {
        List<String> topics = new ArrayList<>(Arrays.stream(MirrorTable.values()).map(MirrorTable::topic).toList());
        batch.messages().stream().map(GeneratedMessage::topic).distinct().filter(t -> !topics.contains(t)).forEach(topics::add);
        KafkaLoad.createTopics(kafka.bootstrap(), topics, 3);
        try (KafkaProducer<byte[], byte[]> producer = KafkaLoad.producer(kafka.bootstrap())) {
            return KafkaLoad.send(producer, batch.messages().stream().map(KafkaLoad::record).iterator(), 0, r -> r);
        }
    }

    public static void assertMirrorTablesEqualLedger(Connection connection, GeneratorLedger ledger) throws Exception {
        for (MirrorTable table : MirrorTable.values()) {
            Map<String, String> expected = MirrorSnapshot.canonical(table, ledger.rows(table));
            Map<String, String> actual = MirrorSnapshot.read(connection, table);
            assertThat(actual).as(table.mirrorTable()).hasSameSizeAs(expected).isEqualTo(expected);
        }
    }

    public static void assertDeadLettersEqualLedger(Connection connection, GeneratorLedger ledger) throws Exception {
        Map<String, Long> expected = new TreeMap<>();
        for (Map.Entry<BadEventKind, Long> e : ledger.badEventCounts().entrySet()) {
            if (e.getValue() > 0) {
                expected.merge(DeadLetterReason.valueOf(e.getKey().name()).name(), e.getValue(), Long::sum);
            }
        }
        Map<String, Long> actual = new TreeMap<>();
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT reason, count(*) FROM flowcast.dead_letter GROUP BY reason")) {
            while (rs.next()) {
                actual.put(rs.getString(1), rs.getLong(2));
            }
        }
        assertThat(actual).isEqualTo(expected);
    }

    /** Daily and monthly aggregates (values and a TTL on every key) and the latest transaction per product. */
    public static void assertRedisEqualsLedger(String redisUrl, GeneratorLedger ledger) {
        try (RedisClient redis = RedisClient.create(URI.create(redisUrl))) {
            Map<String, String> expected = new TreeMap<>();
            ledger.dailyTransactions().forEach((day, agg) -> {
                if (agg.count() > 0) {
                    expected.put(RedisKeys.daily(day.productCode(), day.day()), totals(agg.count(), agg.quantity(), agg.value()));
                }
            });
            ledger.monthlyTransactions().forEach((month, agg) -> {
                if (agg.count() > 0) {
                    expected.put(RedisKeys.monthly(month.productCode(), month.month()), totals(agg.count(), agg.quantity(), agg.value()));
                }
            });
            Map<String, String> actual = new TreeMap<>();
            for (String pattern : List.of("agg:daily:*", "agg:monthly:*")) {
                for (String key : redis.keys(pattern)) {
                    Map<String, String> hash = redis.hgetAll(key);
                    actual.put(key, totals(Long.parseLong(hash.get("transactions")),
                            new BigDecimal(hash.get("volume")), new BigDecimal(hash.get("value"))));
                    assertThat(redis.ttl(key)).as("TTL on " + key).isPositive();
                }
            }
            assertThat(actual).hasSameSizeAs(expected).isEqualTo(expected);

            Map<String, String> expectedLatest = new HashMap<>();
            int id = MirrorTable.INVENTORY_TRANSACTIONS.indexOfSource("id_movimentacao");
            ledger.latestTransactions().forEach((product, row) -> expectedLatest.put(product, String.valueOf(row[id])));
            Map<String, String> actualLatest = new HashMap<>();
            for (String key : redis.keys("inventory:realtime:*")) {
                String json = redis.get(key);
                String product = key.substring("inventory:realtime:".length());
                actualLatest.put(product, json.replaceAll(".*\"transaction_id\":(\\d+).*", "$1"));
                assertThat(redis.ttl(key)).isBetween(1L, 3600L);
            }
            assertThat(actualLatest).isEqualTo(expectedLatest);
        }
    }

    private static String totals(long count, BigDecimal quantity, BigDecimal value) {
        return count + "|" + MirrorSnapshot.canonical(quantity) + "|" + MirrorSnapshot.canonical(value);
    }
}
