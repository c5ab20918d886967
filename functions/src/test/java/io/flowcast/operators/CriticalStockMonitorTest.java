package io.flowcast.operators;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowcast.records.InventoryAlert;
import io.flowcast.records.StockSignal;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class CriticalStockMonitorTest {

    static StockSignal master(String product, String min, boolean critical) {
        return new StockSignal(StockSignal.Kind.THRESHOLD, false, product, "", new BigDecimal(min), critical, null, 1L, "t", 0, 1);
    }

    static StockSignal level(String product, String warehouse, String onHand, long offset) {
        return new StockSignal(StockSignal.Kind.LEVEL, false, product, warehouse, null, false, new BigDecimal(onHand), offset * 1000, "t", 0, offset);
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, StockSignal, InventoryAlert> harness(Set<String> configured) throws Exception {
        return ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new CriticalStockMonitor(configured), new ChangeProjections.BySignalProduct(), Types.STRING);
    }

    @Test
    void alertsOnceOnTheWayDownAndOnceOnRecoveryPerWarehouse() throws Exception {
        try (var h = harness(Set.of())) {
            h.processElement(master("P1", "10", true), 0);
            h.processElement(level("P1", "CD-SP", "12", 1), 0);
            h.processElement(level("P1", "CD-SP", "9", 2), 0);
            h.processElement(level("P1", "CD-SP", "3", 3), 0);
            h.processElement(level("P1", "CD-GO", "2", 4), 0);
            h.processElement(level("P1", "CD-SP", "10", 5), 0);

            List<InventoryAlert> alerts = h.extractOutputValues();
            assertThat(alerts).extracting(InventoryAlert::warehouse, InventoryAlert::alertType, InventoryAlert::sourceOffset)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("CD-SP", InventoryAlert.LOW_STOCK, 2L),
                            org.assertj.core.groups.Tuple.tuple("CD-GO", InventoryAlert.LOW_STOCK, 4L),
                            org.assertj.core.groups.Tuple.tuple("CD-SP", InventoryAlert.RECOVERED, 5L));
            assertThat(alerts.get(0).minStock()).isEqualByComparingTo("10");
            // Three states of the key: the threshold, the warehouses below (CD-GO), the last levels.
            assertThat(h.numKeyedStateEntries()).isEqualTo(3);

            h.processElement(new StockSignal(StockSignal.Kind.THRESHOLD, true, "P1", "", null, false, null, 0, "t", 0, 6), 0);
            assertThat(h.numKeyedStateEntries()).as("deleting the product keeps only the stock rows' levels").isEqualTo(1);
        }
    }

    @Test
    void levelsReadBeforeTheMasterRowAreJudgedWhenItArrivesOrChanges() throws Exception {
        try (var h = harness(Set.of())) {
            h.processElement(level("P1", "CD-SP", "3", 1), 0);
            h.processElement(level("P1", "CD-GO", "20", 2), 0);
            assertThat(h.extractOutputValues()).as("no minimum yet").isEmpty();

            h.processElement(new StockSignal(StockSignal.Kind.THRESHOLD, false, "P1", "", new BigDecimal("10"), true, null, 5000L, "m", 0, 7), 0);
            h.processElement(new StockSignal(StockSignal.Kind.THRESHOLD, false, "P1", "", new BigDecimal("25"), true, null, 9000L, "m", 0, 8), 0);

            assertThat(h.extractOutputValues())
                    .extracting(InventoryAlert::warehouse, InventoryAlert::alertType, InventoryAlert::sourceOffset, InventoryAlert::eventTimeMillis)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple("CD-SP", InventoryAlert.LOW_STOCK, 7L, 5000L),
                            org.assertj.core.groups.Tuple.tuple("CD-GO", InventoryAlert.LOW_STOCK, 8L, 9000L));
        }
    }

    @Test
    void nonCriticalProductsAndUnknownMinimumsRaiseNothing() throws Exception {
        try (var h = harness(Set.of("P2"))) {
            h.processElement(level("P2", "CD-SP", "0", 1), 0);
            h.processElement(master("P3", "10", false), 0);
            h.processElement(level("P3", "CD-SP", "0", 2), 0);
            assertThat(h.extractOutputValues()).isEmpty();

            h.processElement(master("P2", "5", false), 0);
            h.processElement(level("P2", "CD-SP", "1", 3), 0);
            assertThat(h.extractOutputValues()).extracting(InventoryAlert::productCode).containsExactly("P2");
        }
    }
}
