package io.flowcast.generator;

import io.flowcast.cdc.Column;
import io.flowcast.cdc.MirrorTable;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Writes Debezium JSON envelopes (schemas disabled) for rows aligned with {@link
 * MirrorTable#columns()}.
 *
 * <p>Hand-written rather than through a Jackson tree: the generator must encode hundreds of
 * thousands of messages per second. It writes UTF-8 straight into one reused byte buffer (no
 * intermediate strings) and formats timestamps itself, caching the date part, because {@code
 * Instant.toString} was the largest single cost. Decimals are JSON numbers in plain notation (the
 * scale is kept, e.g. {@code 12.000}), timestamps ISO-8601 UTC strings, dates {@code yyyy-MM-dd}.
 *
 * <p>Not thread-safe: one instance per producing thread.
 */
public final class DebeziumJsonEncoder {
    public static final String CONNECTOR_VERSION = "2.7.0.Final";
    public static final String CONNECTOR = "hadoop-dw";
    /** Debezium {@code topic.prefix}, also {@code source.name}. */
    public static final String SERVER_NAME = "castrolanda";
    public static final String DATABASE = "castrolanda";

    /** A field with this value is left out of the image (bad events that drop a field). */
    static final Object ABSENT = new Object();

    /** JSON text written verbatim (bad events that put a wrong JSON type into a field). */
    record RawJson(String json) {}

    private static final long SECONDS_PER_DAY = 86_400;
    private static final byte[] NULL = ascii("null");

    private byte[] buffer = new byte[2048];
    private int length;
    private long cachedDay = Long.MIN_VALUE;
    private final byte[] cachedDate = new byte[10];

    /** Key JSON of a row: its natural-key columns, e.g. {@code {"numero_pedido":"PV1","item":1}}. */
    public byte[] encodeKey(MirrorTable table, Object[] row) {
        length = 0;
        write('{');
        List<Column> columns = table.columns();
        boolean first = true;
        for (int index : table.keyIndexes()) {
            if (!first) {
                write(',');
            }
            first = false;
            writeString(columns.get(index).source());
            write(':');
            writeValue(row[index]);
        }
        write('}');
        return Arrays.copyOf(buffer, length);
    }

    /** Value envelope of a change to one of the mirrored tables. */
    public byte[] encodeValue(
            MirrorTable table, ChangeOp op, Object[] before, Object[] after, long sourceTsMs, long lsn, long tsMs) {
        return encodeValue(table.sourceSchema(), table.sourceTable(), table.columns(), op.code(), before, after,
                sourceTsMs, lsn, tsMs);
    }

    /**
     * Value envelope with every part given explicitly: lets bad events name an unknown table or an
     * unknown op with the same layout as good ones.
     */
    public byte[] encodeValue(
            String schema,
            String tableName,
            List<Column> columns,
            String op,
            Object[] before,
            Object[] after,
            long sourceTsMs,
            long lsn,
            long tsMs) {
        length = 0;
        writeAscii("{\"before\":");
        writeImage(columns, before);
        writeAscii(",\"after\":");
        writeImage(columns, after);
        writeAscii(",\"source\":{\"version\":\"" + CONNECTOR_VERSION + "\",\"connector\":\"" + CONNECTOR
                + "\",\"name\":\"" + SERVER_NAME + "\",\"ts_ms\":");
        writeLong(sourceTsMs);
        writeAscii(",\"db\":\"" + DATABASE + "\",\"schema\":");
        writeString(schema);
        writeAscii(",\"table\":");
        writeString(tableName);
        writeAscii(",\"lsn\":");
        writeLong(lsn);
        writeAscii("},\"op\":");
        writeString(op);
        writeAscii(",\"ts_ms\":");
        writeLong(tsMs);
        write('}');
        return Arrays.copyOf(buffer, length);
    }

    private void writeImage(List<Column> columns, Object[] row) {
        if (row == null) {
            writeBytes(NULL);
            return;
        }
        write('{');
        boolean first = true;
        for (int i = 0; i < columns.size(); i++) {
            Object value = row[i];
            if (value == ABSENT) {
                continue;
            }
            if (!first) {
                write(',');
            }
            first = false;
            writeString(columns.get(i).source());
            write(':');
            writeValue(value);
        }
        write('}');
    }

    private void writeValue(Object value) {
        if (value == null) {
            writeBytes(NULL);
        } else if (value instanceof String s) {
            writeString(s);
        } else if (value instanceof BigDecimal d) {
            writeAscii(d.toPlainString());
        } else if (value instanceof Integer i) {
            writeLong(i);
        } else if (value instanceof Long l) {
            writeLong(l);
        } else if (value instanceof Boolean b) {
            writeAscii(b ? "true" : "false");
        } else if (value instanceof Instant instant) {
            writeInstant(instant);
        } else if (value instanceof LocalDate date) {
            write('"');
            writeAscii(date.toString());
            write('"');
        } else if (value instanceof RawJson raw) {
            writeString0(raw.json(), false);
        } else {
            throw new IllegalArgumentException("unsupported column value " + value.getClass());
        }
    }

    /** {@code "yyyy-MM-ddTHH:mm:ssZ"}, plus {@code .SSS...} when there are sub-second digits. */
    private void writeInstant(Instant instant) {
        if (instant.getNano() != 0) {
            write('"');
            writeAscii(instant.toString());
            write('"');
            return;
        }
        long epochSecond = instant.getEpochSecond();
        long day = Math.floorDiv(epochSecond, SECONDS_PER_DAY);
        if (day != cachedDay) {
            byte[] date = LocalDate.ofEpochDay(day).toString().getBytes(StandardCharsets.US_ASCII);
            if (date.length != cachedDate.length) {
                // Years beyond 9999 or before 0: rare enough for the slow path.
                write('"');
                writeAscii(instant.toString());
                write('"');
                return;
            }
            System.arraycopy(date, 0, cachedDate, 0, cachedDate.length);
            cachedDay = day;
        }
        int secondOfDay = (int) Math.floorMod(epochSecond, SECONDS_PER_DAY);
        ensure(22);
        buffer[length++] = '"';
        System.arraycopy(cachedDate, 0, buffer, length, cachedDate.length);
        length += cachedDate.length;
        buffer[length++] = 'T';
        twoDigits(secondOfDay / 3600);
        buffer[length++] = ':';
        twoDigits(secondOfDay / 60 % 60);
        buffer[length++] = ':';
        twoDigits(secondOfDay % 60);
        buffer[length++] = 'Z';
        buffer[length++] = '"';
    }

    private void twoDigits(int value) {
        buffer[length++] = (byte) ('0' + value / 10);
        buffer[length++] = (byte) ('0' + value % 10);
    }

    private void writeLong(long value) {
        writeAscii(Long.toString(value));
    }

    private void writeString(String s) {
        writeString0(s, true);
    }

    /** Writes s as UTF-8, quoted and escaped, or verbatim when {@code quoted} is false. */
    private void writeString0(String s, boolean quoted) {
        ensure(s.length() * 6 + 2);
        if (quoted) {
            buffer[length++] = '"';
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!quoted) {
                if (c < 0x80) {
                    buffer[length++] = (byte) c;
                } else {
                    writeNonAscii(s, i, c);
                    i += Character.isHighSurrogate(c) ? 1 : 0;
                }
                continue;
            }
            switch (c) {
                case '"' -> { buffer[length++] = '\\'; buffer[length++] = '"'; }
                case '\\' -> { buffer[length++] = '\\'; buffer[length++] = '\\'; }
                case '\n' -> { buffer[length++] = '\\'; buffer[length++] = 'n'; }
                case '\r' -> { buffer[length++] = '\\'; buffer[length++] = 'r'; }
                case '\t' -> { buffer[length++] = '\\'; buffer[length++] = 't'; }
                default -> {
                    if (c < 0x20) {
                        byte[] escape = String.format("\\u%04x", (int) c).getBytes(StandardCharsets.US_ASCII);
                        System.arraycopy(escape, 0, buffer, length, escape.length);
                        length += escape.length;
                    } else if (c < 0x80) {
                        buffer[length++] = (byte) c;
                    } else {
                        writeNonAscii(s, i, c);
                        i += Character.isHighSurrogate(c) ? 1 : 0;
                    }
                }
            }
        }
        if (quoted) {
            buffer[length++] = '"';
        }
    }

    private void writeNonAscii(String s, int i, char c) {
        int codePoint = Character.isHighSurrogate(c) && i + 1 < s.length() ? s.codePointAt(i) : c;
        byte[] utf8 = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
        System.arraycopy(utf8, 0, buffer, length, utf8.length);
        length += utf8.length;
    }

    /** For text known to be ASCII (numbers, fixed field names). */
    private void writeAscii(String s) {
        int n = s.length();
        ensure(n);
        s.getBytes(0, n, buffer, length);
        length += n;
    }

    private void writeBytes(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buffer, length, bytes.length);
        length += bytes.length;
    }

    private void write(char c) {
        ensure(1);
        buffer[length++] = (byte) c;
    }

    private void ensure(int extra) {
        if (length + extra > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + extra));
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
