package io.flowcast.warehouse;

import io.flowcast.cdc.Column;
import io.flowcast.cdc.MirrorTable;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * The Parquet layout of one warehouse table in a snapshot: the source's own column names and
 * types (as a warehouse export would write them), key and required columns {@code required},
 * the rest {@code optional}.
 *
 * <p>Decimals are DECIMAL(38, 9): enough for every amount of the CDC contract; a value with more
 * fractional digits fails the export instead of being rounded silently. Timestamps are
 * TIMESTAMP(MICROS, UTC), dates DATE.
 */
public final class SnapshotSchema {

    public static final int DECIMAL_PRECISION = 38;
    public static final int DECIMAL_SCALE = 9;

    private final MirrorTable table;
    private final MessageType type;
    private final SimpleGroupFactory groups;

    public SnapshotSchema(MirrorTable table) {
        this.table = table;
        Types.MessageTypeBuilder builder = Types.buildMessage();
        for (Column column : table.columns()) {
            builder.addField(field(column));
        }
        this.type = builder.named(table.sourceSchema() + "_" + table.sourceTable());
        this.groups = new SimpleGroupFactory(type);
    }

    public MirrorTable table() {
        return table;
    }

    public MessageType type() {
        return type;
    }

    private static Type field(Column column) {
        Type.Repetition repetition = column.key() || column.required() ? Type.Repetition.REQUIRED : Type.Repetition.OPTIONAL;
        return switch (column.type()) {
            case TEXT -> Types.primitive(PrimitiveTypeName.BINARY, repetition)
                    .as(LogicalTypeAnnotation.stringType()).named(column.source());
            case INT -> Types.primitive(PrimitiveTypeName.INT32, repetition).named(column.source());
            case BIGINT -> Types.primitive(PrimitiveTypeName.INT64, repetition).named(column.source());
            case DECIMAL -> Types.primitive(PrimitiveTypeName.BINARY, repetition)
                    .as(LogicalTypeAnnotation.decimalType(DECIMAL_SCALE, DECIMAL_PRECISION)).named(column.source());
            case BOOLEAN -> Types.primitive(PrimitiveTypeName.BOOLEAN, repetition).named(column.source());
            case DATE -> Types.primitive(PrimitiveTypeName.INT32, repetition)
                    .as(LogicalTypeAnnotation.dateType()).named(column.source());
            case TIMESTAMP -> Types.primitive(PrimitiveTypeName.INT64, repetition)
                    .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS))
                    .named(column.source());
        };
    }

    /** A row (values aligned with {@link MirrorTable#columns()}) as a Parquet record. */
    public Group toGroup(Object[] row) {
        Group group = groups.newGroup();
        for (int i = 0; i < row.length; i++) {
            Object value = row[i];
            if (value == null) {
                continue;
            }
            switch (table.columns().get(i).type()) {
                case TEXT -> group.add(i, (String) value);
                case INT -> group.add(i, (Integer) value);
                case BIGINT -> group.add(i, (Long) value);
                case DECIMAL -> group.add(i, Binary.fromConstantByteArray(
                        ((BigDecimal) value).setScale(DECIMAL_SCALE, RoundingMode.UNNECESSARY).unscaledValue().toByteArray()));
                case BOOLEAN -> group.add(i, (Boolean) value);
                case DATE -> group.add(i, (int) ((LocalDate) value).toEpochDay());
                case TIMESTAMP -> group.add(i, ChronoUnit.MICROS.between(Instant.EPOCH, (Instant) value));
            }
        }
        return group;
    }

    /** A Parquet record back as a row; decimals come back with trailing zeros stripped. */
    public Object[] toRow(Group group) {
        Object[] row = new Object[table.columns().size()];
        for (int i = 0; i < row.length; i++) {
            if (group.getFieldRepetitionCount(i) == 0) {
                continue;
            }
            row[i] = switch (table.columns().get(i).type()) {
                case TEXT -> group.getString(i, 0);
                case INT -> group.getInteger(i, 0);
                case BIGINT -> group.getLong(i, 0);
                case DECIMAL -> JdbcRows.normalize(new BigDecimal(new BigInteger(group.getBinary(i, 0).getBytes()), DECIMAL_SCALE));
                case BOOLEAN -> group.getBoolean(i, 0);
                case DATE -> LocalDate.ofEpochDay(group.getInteger(i, 0));
                case TIMESTAMP -> Instant.EPOCH.plus(group.getLong(i, 0), ChronoUnit.MICROS);
            };
        }
        return row;
    }
}
