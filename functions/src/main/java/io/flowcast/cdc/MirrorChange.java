package io.flowcast.cdc;

import java.time.Instant;
import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * A validated change to one row of a mirrored table.
 *
 * <p>{@code row} holds typed values aligned with {@link MirrorTable#columns()} (String, Integer,
 * Long, BigDecimal, Boolean, LocalDate, Instant, or null). For an upsert it is the after-image;
 * for a delete it is the before-image, of which only the key columns are guaranteed.
 *
 * @param op the Debezium op: {@code c}, {@code u}, {@code r} (upserts) or {@code d} (delete)
 * @param sourceTsMillis commit time at the source ({@code source.ts_ms}), the lineage timestamp
 * @param kafkaTsMillis timestamp of the Kafka record (arrival in Kafka), for freshness
 * @param lsn source log position when the envelope carries one, else null
 */
@TypeInfo(MirrorChangeTypeInfoFactory.class)
public record MirrorChange(
        MirrorTable table,
        char op,
        Object[] row,
        long sourceTsMillis,
        String topic,
        int partition,
        long offset,
        long kafkaTsMillis,
        String lsn) {

    public boolean isDelete() {
        return op == 'd';
    }

    /** Natural key of the row, see {@link MirrorTable#keyString(Object[])}. */
    public String key() {
        return table.keyString(row);
    }

    /** Value of a column by its source name. */
    public Object get(String sourceColumn) {
        int index = table.indexOfSource(sourceColumn);
        if (index < 0) {
            throw new IllegalArgumentException(table + " has no column " + sourceColumn);
        }
        return row[index];
    }

    /** Business event time of the row (the table's event-time column). */
    public Instant eventTime() {
        return (Instant) row[table.eventTimeIndex()];
    }
}
