package io.flowcast.operators;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowcast.quality.QualityThresholds;
import io.flowcast.records.QualityEvent;
import io.flowcast.records.QualitySample;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class DataQualityMonitorTest {

    private static final long MINUTE = 60_000;

    @Test
    void reportsEachCheckWhenTheWatermarkClosesTheWindow() throws Exception {
        QualityThresholds thresholds = new QualityThresholds(Duration.ofMinutes(1), 0.25, Duration.ofSeconds(30));
        try (var h = ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new DataQualityMonitor("job", thresholds), new ChangeProjections.BySampleTable(), Types.STRING)) {
            h.processElement(new QualitySample("ml_stock_levels", false, 'c', 10 * MINUTE + 1_000, 10 * MINUTE), 10 * MINUTE + 1_000);
            h.processElement(new QualitySample("ml_stock_levels", false, 'd', 10 * MINUTE + 5_000, 10 * MINUTE - 55_000), 10 * MINUTE + 5_000);
            h.processElement(new QualitySample("ml_stock_levels", true, ' ', 10 * MINUTE + 9_000, 10 * MINUTE + 9_000), 10 * MINUTE + 9_000);
            h.processElement(new QualitySample("ml_stock_levels", false, 'u', 11 * MINUTE + 1, 11 * MINUTE), 11 * MINUTE + 1);
            assertThat(h.numEventTimeTimers()).isEqualTo(2);

            h.processWatermark(11 * MINUTE - 1);

            List<QualityEvent> events = h.extractOutputValues();
            assertThat(events).extracting(QualityEvent::checkName, QualityEvent::passed, QualityEvent::observed)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("volume", true, 3.0),
                            org.assertj.core.groups.Tuple.tuple("reject_rate", false, 1.0 / 3),
                            org.assertj.core.groups.Tuple.tuple("freshness", false, 60.0));
            assertThat(events.get(0).windowStartMillis()).isEqualTo(10 * MINUTE);
            assertThat(events.get(0).windowEndMillis()).isEqualTo(11 * MINUTE);
            assertThat(events.get(0).details()).contains("\"deletes\":1");
            assertThat(h.numEventTimeTimers()).as("next window still open").isEqualTo(1);
            assertThat(h.numKeyedStateEntries()).isEqualTo(1);
        }
    }
}
