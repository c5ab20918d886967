package io.flowcast.operators;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowcast.records.DeadLetterReason;
import io.flowcast.records.CdcMessage;
import io.flowcast.records.DeadLetter;
import io.flowcast.cdc.MirrorChange;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class CdcDecodeFunctionTest {

    private static CdcMessage msg(String topic, long offset, String value) {
        return new CdcMessage(topic, 0, offset, 5L, null, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void routesValidChangesToMainOutputAndBadOnesToDeadLetters() throws Exception {
        try (OneInputStreamOperatorTestHarness<CdcMessage, MirrorChange> h =
                ProcessFunctionTestHarnesses.forProcessFunction(new CdcDecodeFunction("job", Duration.ofDays(1)))) {
            String stock = "{\"op\":\"c\",\"before\":null,\"after\":{\"codigo_produto\":\"P1\",\"deposito\":\"CD-SP\","
                    + "\"quantidade_disponivel\":4,\"data_atualizacao\":\"2025-01-01T00:00:00Z\"},\"source\":{\"ts_ms\":1735689600000}}";
            h.processElement(msg("castrolanda.inventory.stock_levels", 1, stock), 0);
            h.processElement(msg("castrolanda.inventory.stock_levels", 2, "not json"), 0);
            h.processElement(msg("castrolanda.inventory.stock_levels", 3, null), 0);
            h.processElement(msg("castrolanda.other.thing", 4, stock), 0);

            assertThat(h.extractOutputValues()).extracting(MirrorChange::offset).containsExactly(1L);
            assertThat(h.getSideOutput(CdcDecodeFunction.DEAD_LETTERS))
                    .extracting(StreamRecord::getValue)
                    .extracting(DeadLetter::offset, DeadLetter::reason)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(2L, DeadLetterReason.MALFORMED_JSON),
                            org.assertj.core.groups.Tuple.tuple(4L, DeadLetterReason.UNKNOWN_TABLE));
        }
    }
}
