package io.flowcast.records;

/**
 * One observation for the data-quality monitor: a decoded change, a rejected message, or the
 * schema drift of a decoded change's image, with its Kafka and source timestamps.
 *
 * <p>A POJO rather than a record with lists: Flink serializes its primitive and array fields
 * without Kryo, and the arrays are null when there is nothing to carry.
 */
public final class QualitySample {

    /** What the sample observes. */
    public enum Kind {
        /** A decoded change (counted in volume; nulls and duplicates checked). */
        CHANGE,
        /** A message that went to the dead-letter table. */
        REJECT,
        /** A decoded change whose image departs from the contract (not counted again in volume). */
        SCHEMA_DRIFT
    }

    /** Mirror table name, or the topic when the message named no known table. */
    public String table;

    public Kind kind;

    /** Debezium op of a decoded change ({@code ' '} otherwise). */
    public char op;

    public long kafkaTsMillis;

    public long sourceTsMillis;

    /** Bit i set = column i of the table (contract order) is null; upserts only. */
    public long nullColumns;

    /** Natural key of the changed row (changes only). */
    public String rowKey;

    /** Hash of the row's values (after-image), or {@link #DELETED_CONTENT} for a delete. */
    public long contentHash;

    /** Source field names outside the contract (schema drift only). */
    public String[] unknownFields;

    /** Contract source field names absent from the image (schema drift only). */
    public String[] missingFields;

    /** Content hash standing for "the row is deleted": a second delete of a key is a duplicate. */
    public static final long DELETED_CONTENT = 0x6465_6c65_7465_6421L;

    public QualitySample() {}

    public static QualitySample change(
            String table, char op, long kafkaTsMillis, long sourceTsMillis, String rowKey, long contentHash, long nullColumns) {
        QualitySample sample = base(table, Kind.CHANGE, op, kafkaTsMillis, sourceTsMillis);
        sample.rowKey = rowKey;
        sample.contentHash = contentHash;
        sample.nullColumns = nullColumns;
        return sample;
    }

    public static QualitySample reject(String table, long kafkaTsMillis) {
        return base(table, Kind.REJECT, ' ', kafkaTsMillis, kafkaTsMillis);
    }

    public static QualitySample drift(
            String table, long kafkaTsMillis, long sourceTsMillis, String[] unknownFields, String[] missingFields) {
        QualitySample sample = base(table, Kind.SCHEMA_DRIFT, ' ', kafkaTsMillis, sourceTsMillis);
        sample.unknownFields = unknownFields;
        sample.missingFields = missingFields;
        return sample;
    }

    private static QualitySample base(String table, Kind kind, char op, long kafkaTsMillis, long sourceTsMillis) {
        QualitySample sample = new QualitySample();
        sample.table = table;
        sample.kind = kind;
        sample.op = op;
        sample.kafkaTsMillis = kafkaTsMillis;
        sample.sourceTsMillis = sourceTsMillis;
        return sample;
    }

    public String table() {
        return table;
    }

    public long kafkaTsMillis() {
        return kafkaTsMillis;
    }

    public boolean rejected() {
        return kind == Kind.REJECT;
    }

    @Override
    public String toString() {
        return "QualitySample{" + table + " " + kind + " op=" + op + " kafkaTs=" + kafkaTsMillis + " key=" + rowKey + "}";
    }
}
