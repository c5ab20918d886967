package io.flowcast.operators;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowcast.aggregate.InventoryCacheOptions;
import io.flowcast.aggregate.Totals;
import io.flowcast.records.Delta;
import io.flowcast.records.RedisWrite;
import io.flowcast.records.TransactionChange;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

/** Harness tests: transaction deltas (keyed by id) and per-product aggregates (keyed by product). */
class InventoryOperatorsTest {

    private static final long MARCH_8 = Instant.parse("2025-03-08T10:00:00Z").toEpochMilli();
    private static final long MARCH_9 = Instant.parse("2025-03-09T10:00:00Z").toEpochMilli();

    static TransactionChange tx(long id, String product, String qty, String cost, long movedAt) {
        return new TransactionChange(id, false, product, "SAIDA", "CD-SP", new BigDecimal(qty), new BigDecimal(cost), movedAt);
    }

    static TransactionChange deleted(long id) {
        return new TransactionChange(id, true, "", "", "", BigDecimal.ZERO, BigDecimal.ZERO, 0L);
    }

    /** A harness for the delta function, opened unless {@code restoreFrom} is given (then the caller opens it). */
    private static KeyedOneInputStreamOperatorTestHarness<Long, TransactionChange, Delta<TransactionChange>> deltaHarness(
            OperatorSubtaskState restoreFrom) throws Exception {
        var harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new VersionDeltaFunction<Long, TransactionChange>(
                        TransactionChange.class, InventoryCacheOptions.defaults().transactionStateTtl())),
                new ChangeProjections.ByTransactionId(),
                Types.LONG);
        // The output type is erased from the generic function; the job gets it from ResultTypeQueryable.
        harness.setup(VersionDeltaFunction.deltaType(TransactionChange.class).createSerializer(new SerializerConfigImpl()));
        if (restoreFrom != null) {
            harness.initializeState(restoreFrom);
        }
        harness.open();
        return harness;
    }

    @Test
    void updateUndoesThePreviousVersionAndReplayIsANoOp() throws Exception {
        try (var harness = deltaHarness(null)) {
            TransactionChange v1 = tx(7, "P1", "5", "2", MARCH_8);
            TransactionChange v2 = tx(7, "P2", "6", "2", MARCH_9);
            harness.processElement(v1, 0);
            harness.processElement(v1, 0);
            harness.processElement(v2, 0);
            harness.processElement(deleted(7), 0);
            harness.processElement(deleted(7), 0);

            assertThat(harness.extractOutputValues()).containsExactly(
                    new Delta<>(+1, v1),
                    new Delta<>(-1, v1),
                    new Delta<>(+1, v2),
                    new Delta<>(-1, v2));
            assertThat(harness.numKeyedStateEntries()).as("deleted transaction leaves no state").isZero();
        }
    }

    @Test
    void lastVersionSurvivesASnapshotAndRestore() throws Exception {
        OperatorSubtaskState snapshot;
        TransactionChange v1 = tx(9, "P1", "5", "2", MARCH_8);
        try (var harness = deltaHarness(null)) {
            harness.processElement(v1, 0);
            snapshot = harness.snapshot(1, 1);
        }
        try (var restored = deltaHarness(snapshot)) {
            restored.processElement(deleted(9), 0);
            assertThat(restored.extractOutputValues()).containsExactly(new Delta<>(-1, v1));
        }
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, Delta<TransactionChange>, RedisWrite> aggregatorHarness() throws Exception {
        return ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new InventoryAggregator(InventoryCacheOptions.defaults()), new ChangeProjections.ByDeltaProduct(), Types.STRING);
    }

    @Test
    void emitsAbsoluteDailyAndMonthlyTotalsAndTheLatestTransaction() throws Exception {
        try (var harness = aggregatorHarness()) {
            TransactionChange a = tx(1, "P1", "5", "2.50", MARCH_8);
            TransactionChange b = tx(2, "P1", "3", "1.00", MARCH_8);
            harness.processElement(new Delta<>(+1, a), 0);
            harness.processElement(new Delta<>(+1, b), 0);
            harness.processElement(new Delta<>(-1, a), 0);

            List<RedisWrite> out = harness.extractOutputValues();
            long week = 7 * 24 * 3600;
            long year = 365 * 24 * 3600;
            assertThat(out).contains(
                    RedisWrite.hash("agg:daily:P1:2025-03-08", week, new Totals(2, new BigDecimal("8"), new BigDecimal("15.50")).toHashFields()),
                    RedisWrite.hash("agg:monthly:P1:2025-03", year, "transactions", "1", "volume", "3", "value", "3"));
            assertThat(out.get(out.size() - 2))
                    .isEqualTo(RedisWrite.hash("agg:daily:P1:2025-03-08", week, "transactions", "1", "volume", "3", "value", "3"));
            RedisWrite latest = out.stream().filter(w -> w.key().equals("inventory:realtime:P1")).reduce((x, y) -> y).orElseThrow();
            assertThat(latest.ttlSeconds()).isEqualTo(3600);
            assertThat(latest.value()).contains("\"transaction_id\":2").contains("\"value_total\":\"3.00\"");
        }
    }

    @Test
    void emptyPeriodsAreDeletedFromRedisAndState() throws Exception {
        try (var harness = aggregatorHarness()) {
            TransactionChange a = tx(1, "P1", "5", "2", MARCH_8);
            harness.processElement(new Delta<>(+1, a), 0);
            harness.processElement(new Delta<>(-1, a), 0);

            List<RedisWrite> out = harness.extractOutputValues();
            assertThat(out.subList(out.size() - 3, out.size())).containsExactly(
                    RedisWrite.delete("agg:daily:P1:2025-03-08"),
                    RedisWrite.delete("agg:monthly:P1:2025-03"),
                    RedisWrite.delete("inventory:realtime:P1"));
            assertThat(harness.numKeyedStateEntries()).isZero();
        }
    }

    @Test
    void olderTransactionDoesNotReplaceTheLatest() throws Exception {
        try (var harness = aggregatorHarness()) {
            harness.processElement(new Delta<>(+1, tx(5, "P1", "1", "1", MARCH_9)), 0);
            harness.processElement(new Delta<>(+1, tx(6, "P1", "1", "1", MARCH_8)), 0);
            long realtimeWrites = harness.extractOutputValues().stream().filter(w -> w.key().startsWith("inventory:realtime")).count();
            assertThat(realtimeWrites).isEqualTo(1);
        }
    }
}
