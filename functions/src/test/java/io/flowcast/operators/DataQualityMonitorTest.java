package io.flowcast.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.flowcast.cdc.MirrorTable;
import io.flowcast.quality.QualityThresholds;
import io.flowcast.quality.RowFingerprint;
import io.flowcast.records.QualityEvent;
import io.flowcast.records.QualitySample;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.junit.jupiter.api.Test;

class DataQualityMonitorTest {

    private static final long MINUTE = 60_000;
    private static final String STOCK = "ml_stock_levels";
    private static final String ORDERS = "ml_sales_orders";

    private static QualitySample change(String table, char op, long kafkaTs, long sourceTs, String key, long content, long nulls) {
        return QualitySample.change(table, op, kafkaTs, sourceTs, key, content, nulls);
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, QualitySample, QualityEvent> harness(QualityThresholds thresholds)
            throws Exception {
        return ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new DataQualityMonitor("job", thresholds), new ChangeProjections.BySampleTable(), Types.STRING);
    }

    private static Map<String, QualityEvent> byCheck(List<QualityEvent> events, String table) {
        return events.stream().filter(e -> e.table().equals(table)).collect(Collectors.toMap(QualityEvent::checkName, e -> e));
    }

    @Test
    void reportsEachCheckWhenTheWatermarkClosesTheWindow() throws Exception {
        QualityThresholds thresholds = new QualityThresholds(Duration.ofMinutes(1), 0.25, Duration.ofSeconds(30));
        try (var h = harness(thresholds)) {
            h.processElement(change(STOCK, 'c', 10 * MINUTE + 1_000, 10 * MINUTE, "P1|CD-SP", 1L, 0L), 10 * MINUTE + 1_000);
            h.processElement(change(STOCK, 'd', 10 * MINUTE + 5_000, 10 * MINUTE - 55_000, "P1|CD-SP", QualitySample.DELETED_CONTENT, 0L), 10 * MINUTE + 5_000);
            h.processElement(QualitySample.reject(STOCK, 10 * MINUTE + 9_000), 10 * MINUTE + 9_000);
            h.processElement(change(STOCK, 'u', 11 * MINUTE + 1, 11 * MINUTE, "P2|CD-SP", 2L, 0L), 11 * MINUTE + 1);
            assertThat(h.numEventTimeTimers()).isEqualTo(2);

            h.processWatermark(11 * MINUTE - 1);

            List<QualityEvent> events = h.extractOutputValues();
            assertThat(events.subList(0, 5)).extracting(QualityEvent::checkName, QualityEvent::passed, QualityEvent::observed)
                    .containsExactly(
                            tuple("volume", true, 3.0),
                            tuple("reject_rate", false, 1.0 / 3),
                            tuple("freshness", false, 60.0),
                            tuple("duplicates", true, 0.0),
                            tuple("schema_drift", true, 0.0));
            assertThat(events.get(0).windowStartMillis()).isEqualTo(10 * MINUTE);
            assertThat(events.get(0).windowEndMillis()).isEqualTo(11 * MINUTE);
            assertThat(events.get(0).details()).contains("\"deletes\":1");
            assertThat(events.subList(5, events.size())).as("one null-rate row per mirror column")
                    .hasSize(MirrorTable.STOCK_LEVELS.columns().size())
                    .allSatisfy(e -> assertThat(e.checkName()).startsWith("null_rate:"));
            assertThat(h.numEventTimeTimers()).as("next window still open").isEqualTo(1);
        }
    }

    @Test
    void countsARepeatOfKeyAndContentAsADuplicateButNotAChangedRow() throws Exception {
        QualityThresholds thresholds = new QualityThresholds(Duration.ofMinutes(1), 1.0, Duration.ofHours(1), 0.1, Duration.ofDays(1), 1.0, Map.of());
        try (var h = harness(thresholds)) {
            long t = 20 * MINUTE;
            h.processElement(change(ORDERS, 'c', t + 1, t, "PV1|1", 100L, 0L), t + 1);
            h.processElement(change(ORDERS, 'c', t + 2, t, "PV1|1", 100L, 0L), t + 2); // re-delivered
            h.processElement(change(ORDERS, 'u', t + 3, t, "PV1|1", 101L, 0L), t + 3); // real update
            h.processElement(change(ORDERS, 'c', t + 4, t, "PV2|1", 100L, 0L), t + 4); // same content, other key
            h.processElement(change(ORDERS, 'd', t + 5, t, "PV2|1", QualitySample.DELETED_CONTENT, 0L), t + 5);
            h.processElement(change(ORDERS, 'd', t + 6, t, "PV2|1", QualitySample.DELETED_CONTENT, 0L), t + 6); // second delete
            h.processWatermark(t + MINUTE);

            QualityEvent duplicates = byCheck(h.extractOutputValues(), ORDERS).get("duplicates");
            assertThat(duplicates.observed()).isEqualTo(2.0 / 6);
            assertThat(duplicates.passed()).isFalse();
            assertThat(duplicates.threshold()).isEqualTo(0.1);
            assertThat(duplicates.details()).isEqualTo("{\"duplicates\":2,\"changes\":6}");
        }
    }

    @Test
    void duplicateMemorySurvivesARestoreSoAReplayedWindowIsNotCountedTwice() throws Exception {
        QualityThresholds thresholds = QualityThresholds.defaults();
        long t = 30 * MINUTE;
        OperatorSubtaskState snapshot;
        try (var h = harness(thresholds)) {
            h.processElement(change(ORDERS, 'c', t + 1, t, "PV1|1", 100L, 0L), t + 1);
            snapshot = h.snapshot(1L, t + 2);
        }
        try (var restored = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new DataQualityMonitor("job", thresholds)), new ChangeProjections.BySampleTable(), Types.STRING)) {
            restored.initializeState(snapshot);
            restored.open();
            // The source delivers the message after the checkpoint again: new content, not a duplicate ...
            restored.processElement(change(ORDERS, 'u', t + 3, t, "PV1|1", 101L, 0L), t + 3);
            // ... while the same content as before the checkpoint is one.
            restored.processElement(change(ORDERS, 'u', t + 4, t, "PV1|1", 101L, 0L), t + 4);
            restored.processWatermark(t + MINUTE);
            QualityEvent duplicates = byCheck(restored.extractOutputValues(), ORDERS).get("duplicates");
            assertThat(duplicates.details()).isEqualTo("{\"duplicates\":1,\"changes\":3}");
        }
    }

    @Test
    void reportsNullRatePerColumnAgainstItsLimit() throws Exception {
        MirrorTable orders = MirrorTable.SALES_ORDERS;
        long customerBit = 1L << orders.indexOfSource("cliente");
        long statusBit = 1L << orders.indexOfSource("status");
        QualityThresholds thresholds = new QualityThresholds(Duration.ofMinutes(1), 1.0, Duration.ofHours(1), 1.0, Duration.ofDays(1),
                0.9, Map.of(ORDERS + ".customer", 0.25));
        try (var h = harness(thresholds)) {
            long t = 40 * MINUTE;
            h.processElement(change(ORDERS, 'c', t + 1, t, "A|1", 1L, customerBit | statusBit), t + 1);
            h.processElement(change(ORDERS, 'c', t + 2, t, "A|2", 2L, customerBit), t + 2);
            h.processElement(change(ORDERS, 'c', t + 3, t, "A|3", 3L, 0L), t + 3);
            h.processElement(change(ORDERS, 'c', t + 4, t, "A|4", 4L, 0L), t + 4);
            // A delete's image is not a row: its nulls do not count.
            h.processElement(change(ORDERS, 'd', t + 5, t, "A|4", QualitySample.DELETED_CONTENT, 0L), t + 5);
            h.processWatermark(t + MINUTE);

            Map<String, QualityEvent> checks = byCheck(h.extractOutputValues(), ORDERS);
            assertThat(checks.get("null_rate:customer"))
                    .extracting(QualityEvent::observed, QualityEvent::threshold, QualityEvent::passed)
                    .containsExactly(0.5, 0.25, false);
            assertThat(checks.get("null_rate:customer").details()).isEqualTo("{\"nulls\":2,\"upserts\":4}");
            assertThat(checks.get("null_rate:status"))
                    .extracting(QualityEvent::observed, QualityEvent::threshold, QualityEvent::passed)
                    .containsExactly(0.25, 0.9, true);
            assertThat(checks.get("null_rate:order_number").observed()).isZero();
        }
    }

    @Test
    void reportsSchemaDriftWithTheFieldNames() throws Exception {
        try (var h = harness(QualityThresholds.defaults())) {
            long t = 50 * MINUTE;
            h.processElement(change(STOCK, 'c', t + 1, t, "P1|CD-SP", 1L, 0L), t + 1);
            h.processElement(QualitySample.drift(STOCK, t + 1, t, new String[] {"lote"}, new String[] {"custo_medio"}), t + 1);
            h.processElement(change(STOCK, 'c', t + 2, t, "P2|CD-SP", 2L, 0L), t + 2);
            h.processElement(QualitySample.drift(STOCK, t + 2, t, new String[] {"validade", "lote"}, new String[0]), t + 2);
            h.processWatermark(t + MINUTE);

            Map<String, QualityEvent> checks = byCheck(h.extractOutputValues(), STOCK);
            assertThat(checks.get("schema_drift").passed()).isFalse();
            assertThat(checks.get("schema_drift").observed()).isEqualTo(2.0);
            assertThat(checks.get("schema_drift").details())
                    .isEqualTo("{\"messages\":2,\"unknown_fields\":[\"lote\",\"validade\"],\"missing_fields\":[\"custo_medio\"]}");
            assertThat(checks.get("volume").observed()).as("drift samples are not extra messages").isEqualTo(2.0);
        }
    }

    @Test
    void rowFingerprintIgnoresDecimalScaleButNotValues() {
        Object[] a = {"P1", new java.math.BigDecimal("1.50"), null};
        Object[] b = {"P1", new java.math.BigDecimal("1.5"), null};
        Object[] c = {"P1", new java.math.BigDecimal("1.51"), null};
        Object[] d = {"P1", null, new java.math.BigDecimal("1.5")};
        assertThat(RowFingerprint.contentHash(a)).isEqualTo(RowFingerprint.contentHash(b));
        assertThat(RowFingerprint.contentHash(a)).isNotEqualTo(RowFingerprint.contentHash(c));
        assertThat(RowFingerprint.contentHash(b)).isNotEqualTo(RowFingerprint.contentHash(d));
        assertThat(RowFingerprint.nullColumns(a)).isEqualTo(0b100L);
        assertThat(RowFingerprint.nullColumns(d)).isEqualTo(0b010L);
    }
}
