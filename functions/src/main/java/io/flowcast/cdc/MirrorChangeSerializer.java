package io.flowcast.cdc;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Compact serializer for {@link MirrorChange}: the row is written column by column using the
 * table's schema (a null bitmap, then typed values), so no class names or field names travel and
 * Kryo never has to reflect on {@code java.time} types.
 */
public final class MirrorChangeSerializer extends TypeSerializerSingleton<MirrorChange> {

    private static final long serialVersionUID = 1L;

    public static final MirrorChangeSerializer INSTANCE = new MirrorChangeSerializer();

    private static final MirrorTable[] TABLES = MirrorTable.values();

    @Override
    public boolean isImmutableType() {
        // Rows are never modified after decoding.
        return true;
    }

    @Override
    public MirrorChange createInstance() {
        return null;
    }

    @Override
    public MirrorChange copy(MirrorChange from) {
        return from;
    }

    @Override
    public MirrorChange copy(MirrorChange from, MirrorChange reuse) {
        return from;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(MirrorChange change, DataOutputView out) throws IOException {
        MirrorTable table = change.table();
        out.writeByte(table.ordinal());
        out.writeChar(change.op());
        out.writeLong(change.sourceTsMillis());
        out.writeUTF(change.topic());
        out.writeInt(change.partition());
        out.writeLong(change.offset());
        out.writeLong(change.kafkaTsMillis());
        writeNullableString(out, change.lsn());
        List<io.flowcast.cdc.Column> columns = table.columns();
        Object[] row = change.row();
        long nulls = 0;
        for (int i = 0; i < row.length; i++) {
            if (row[i] == null) {
                nulls |= 1L << i;
            }
        }
        out.writeLong(nulls);
        for (int i = 0; i < row.length; i++) {
            if (row[i] != null) {
                writeValue(out, columns.get(i).type(), row[i]);
            }
        }
    }

    @Override
    public MirrorChange deserialize(DataInputView in) throws IOException {
        MirrorTable table = TABLES[in.readByte()];
        char op = in.readChar();
        long sourceTs = in.readLong();
        String topic = in.readUTF();
        int partition = in.readInt();
        long offset = in.readLong();
        long kafkaTs = in.readLong();
        String lsn = readNullableString(in);
        List<io.flowcast.cdc.Column> columns = table.columns();
        Object[] row = new Object[columns.size()];
        long nulls = in.readLong();
        for (int i = 0; i < row.length; i++) {
            if ((nulls & (1L << i)) == 0) {
                row[i] = readValue(in, columns.get(i).type());
            }
        }
        return new MirrorChange(table, op, row, sourceTs, topic, partition, offset, kafkaTs, lsn);
    }

    @Override
    public MirrorChange deserialize(MirrorChange reuse, DataInputView in) throws IOException {
        return deserialize(in);
    }

    @Override
    public void copy(DataInputView in, DataOutputView out) throws IOException {
        serialize(deserialize(in), out);
    }

    private static void writeValue(DataOutputView out, ColumnType type, Object value) throws IOException {
        switch (type) {
            case TEXT -> out.writeUTF((String) value);
            case INT -> out.writeInt((Integer) value);
            case BIGINT -> out.writeLong((Long) value);
            case BOOLEAN -> out.writeBoolean((Boolean) value);
            case DATE -> out.writeLong(((LocalDate) value).toEpochDay());
            case TIMESTAMP -> {
                Instant instant = (Instant) value;
                out.writeLong(instant.getEpochSecond());
                out.writeInt(instant.getNano());
            }
            case DECIMAL -> {
                BigDecimal decimal = (BigDecimal) value;
                byte[] unscaled = decimal.unscaledValue().toByteArray();
                out.writeInt(decimal.scale());
                out.writeInt(unscaled.length);
                out.write(unscaled);
            }
        }
    }

    private static Object readValue(DataInputView in, ColumnType type) throws IOException {
        switch (type) {
            case TEXT:
                return in.readUTF();
            case INT:
                return in.readInt();
            case BIGINT:
                return in.readLong();
            case BOOLEAN:
                return in.readBoolean();
            case DATE:
                return LocalDate.ofEpochDay(in.readLong());
            case TIMESTAMP:
                return Instant.ofEpochSecond(in.readLong(), in.readInt());
            case DECIMAL:
                int scale = in.readInt();
                byte[] unscaled = new byte[in.readInt()];
                in.readFully(unscaled);
                return new BigDecimal(new BigInteger(unscaled), scale);
            default:
                throw new IOException("unknown column type " + type);
        }
    }

    private static void writeNullableString(DataOutputView out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(value);
        }
    }

    private static String readNullableString(DataInputView in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    @Override
    public TypeSerializerSnapshot<MirrorChange> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Serializer snapshot; the format has no parameters. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<MirrorChange> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
