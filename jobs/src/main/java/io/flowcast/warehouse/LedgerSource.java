package io.flowcast.warehouse;

import io.flowcast.cdc.MirrorTable;
import io.flowcast.generator.GeneratorLedger;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The synthetic generator's ledger as a snapshot source: the exact end state of the history it
 * wrote to Kafka, positioned at the end offsets of that write (benchmarks and tests).
 */
public final class LedgerSource implements WarehouseSource {

    private final GeneratorLedger ledger;
    private final Map<String, Map<Integer, Long>> endOffsetsByTopic;
    private final long sourceTsMillis;

    /**
     * @param endOffsetsByTopic per CDC topic and partition, the offset after the last message the
     *     ledger accounts for (empty maps when the history was not written to Kafka)
     */
    public LedgerSource(GeneratorLedger ledger, Map<String, Map<Integer, Long>> endOffsetsByTopic, long sourceTsMillis) {
        this.ledger = ledger;
        this.endOffsetsByTopic = endOffsetsByTopic;
        this.sourceTsMillis = sourceTsMillis;
    }

    @Override
    public String describe() {
        return "generator-ledger";
    }

    @Override
    public void read(MirrorTable table, Consumer<Object[]> rows) {
        ledger.rows(table).values().forEach(rows);
    }

    @Override
    public SnapshotPosition position(MirrorTable table) {
        return new SnapshotPosition(endOffsetsByTopic.getOrDefault(table.topic(), Map.of()), null, sourceTsMillis);
    }

    @Override
    public void close() {}
}
