package io.flowcast.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.flowcast.records.Delta;
import io.flowcast.records.InventorySignal;
import io.flowcast.records.SalesLineChange;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/**
 * One version state per order line serves the demand series and the fulfilment: a change of the
 * fulfilled quantity alone reaches only the side output that feeds the inventory KPIs.
 */
class SalesLineVersionsTest {

    private static SalesLineChange line(String units, String revenue, String fulfilled) {
        return new SalesLineChange("PV1|1", false, "P1", "SP", 1_000L, new BigDecimal(units), new BigDecimal(revenue),
                fulfilled == null ? null : new BigDecimal(fulfilled));
    }

    @Test
    void fulfilmentOnlyUpdatesSkipTheDemandOutputButNotTheFulfilmentSignals() throws Exception {
        VersionDeltaFunction<String, SalesLineChange> versions =
                new VersionDeltaFunction<>(SalesLineChange.class, Duration.ofDays(730), SalesLineChange::sameDemand);
        try (var h = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(versions), new ChangeProjections.BySalesLine(), Types.STRING)) {
            h.setup(VersionDeltaFunction.deltaType(SalesLineChange.class).createSerializer(new SerializerConfigImpl()));
            h.open();
            h.processElement(line("10", "100", null), 1_000L);
            h.processElement(line("10", "100", "8"), 1_000L);     // shipped: fulfilment only
            h.processElement(line("12", "120", "8"), 1_000L);     // amended: demand too
            h.processElement(new SalesLineChange("PV1|1", true, "", "", 0L, BigDecimal.ZERO, BigDecimal.ZERO), 1_000L);

            assertThat(h.extractOutputValues()).extracting(Delta::sign, d -> d.version().units().toPlainString())
                    .containsExactly(tuple(1, "10"), tuple(-1, "10"), tuple(1, "12"), tuple(-1, "12"));

            List<InventorySignal> signals = h.getSideOutput(versions.allDeltas()).stream()
                    .map(StreamRecord::getValue).map(new ChangeProjections.FulfilmentDeltaToSignal()::map).toList();
            assertThat(signals).extracting(InventorySignal::sign, s -> s.ordered().toPlainString(),
                            s -> s.fulfilled() == null ? null : s.fulfilled().toPlainString())
                    .containsExactly(tuple(1, "10", null), tuple(-1, "10", null), tuple(1, "10", "8"),
                            tuple(-1, "10", "8"), tuple(1, "12", "8"), tuple(-1, "12", "8"));
        }
    }
}
