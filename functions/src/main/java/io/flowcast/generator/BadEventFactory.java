package io.flowcast.generator;

import io.flowcast.cdc.Column;
import io.flowcast.cdc.ColumnType;
import io.flowcast.cdc.MirrorTable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Derives invalid messages from recent good ones. It draws only from its own random stream, so
 * the good stream (and the ledger) is the same whatever the bad fraction.
 *
 * <p>Kinds are dealt from a shuffled deck of all kinds, so every kind appears and the counts of
 * any two kinds differ by at most one.
 */
final class BadEventFactory {
    static final String UNKNOWN_TABLE_SCHEMA = "inventory";
    static final String UNKNOWN_TABLE_NAME = "unknown_table";
    static final String UNKNOWN_TABLE_TOPIC =
            MirrorTable.TOPIC_PREFIX + UNKNOWN_TABLE_SCHEMA + "." + UNKNOWN_TABLE_NAME;
    private static final long SECONDS_PER_DAY = 86_400;
    /** Validators flag business times more than two days after commit; stay well beyond. */
    private static final int MIN_FUTURE_DAYS = 3;
    private static final int MAX_FUTURE_DAYS = 30;

    /** A good event as emitted, kept as a template. */
    record Template(ChangeEvent event, byte[] key, byte[] value, long sourceTsMs, long lsn, long tsMs) {}

    private final SplittableRandom random;
    private final double probabilityPerGood;
    private final DebeziumJsonEncoder encoder;
    private final List<BadEventKind> deck = new ArrayList<>();
    private Template lastWithAfter;
    private Template lastWithQuantity;

    BadEventFactory(SplittableRandom random, double badFraction, DebeziumJsonEncoder encoder) {
        this.random = random;
        // One bad message after a good one with probability f / (1 - f) makes f the share of all messages.
        this.probabilityPerGood = badFraction / (1 - badFraction);
        this.encoder = encoder;
    }

    /** Remembers a good event; returns a bad message to emit after it, or null. */
    GeneratedMessage afterGood(Template template) {
        ChangeEvent event = template.event();
        if (event.after() != null) {
            lastWithAfter = template;
            if (hasCheckedQuantity(event)) {
                lastWithQuantity = template;
            }
        }
        if (probabilityPerGood == 0 || random.nextDouble() >= probabilityPerGood) {
            return null;
        }
        if (deck.isEmpty()) {
            deck.addAll(Arrays.asList(BadEventKind.values()));
            for (int i = deck.size() - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                deck.set(i, deck.set(j, deck.get(i)));
            }
        }
        BadEventKind kind = deck.get(deck.size() - 1);
        Template source = kind == BadEventKind.NEGATIVE_QUANTITY ? lastWithQuantity : lastWithAfter;
        if (source == null) {
            return null; // no template yet: keep the kind for the next slot
        }
        deck.remove(deck.size() - 1);
        return create(kind, source);
    }

    /** Sales lines and ENTRADA/SAIDA movements: where a negative quantity is invalid. */
    private static boolean hasCheckedQuantity(ChangeEvent event) {
        if (event.table() == MirrorTable.SALES_ORDERS) {
            return true;
        }
        if (event.table() == MirrorTable.INVENTORY_TRANSACTIONS) {
            Object type = event.after()[MirrorTable.INVENTORY_TRANSACTIONS.indexOfSource("tipo_movimentacao")];
            return "ENTRADA".equals(type) || "SAIDA".equals(type);
        }
        return false;
    }

    private GeneratedMessage create(BadEventKind kind, Template t) {
        MirrorTable table = t.event().table();
        List<Column> columns = table.columns();
        Object[] after = t.event().after().clone();
        Object[] before = t.event().before();
        String op = t.event().op().code();
        String topic = table.topic();
        String schema = table.sourceSchema();
        String tableName = table.sourceTable();
        long lsn = t.lsn() + 1;
        long tsMs = t.tsMs() + 1;
        byte[] value;
        switch (kind) {
            case MALFORMED_JSON -> {
                // Cutting anywhere before the last byte leaves the top-level object unclosed.
                int length = t.value().length / 4 + random.nextInt(Math.max(1, t.value().length * 3 / 4 - 1));
                value = Arrays.copyOf(t.value(), Math.min(length, t.value().length - 1));
            }
            case MISSING_KEY -> {
                int[] keys = table.keyIndexes();
                after[keys[random.nextInt(keys.length)]] = random.nextBoolean() ? null : DebeziumJsonEncoder.ABSENT;
                value = encode(schema, tableName, columns, op, before, after, t, lsn, tsMs);
            }
            case WRONG_TYPE -> {
                int index = pickColumn(columns, c -> !c.key()
                        && (c.type() == ColumnType.DECIMAL || c.type() == ColumnType.INT));
                after[index] = random.nextBoolean()
                        ? new DebeziumJsonEncoder.RawJson("\"abc\"")
                        : new DebeziumJsonEncoder.RawJson("{\"value\":1}");
                value = encode(schema, tableName, columns, op, before, after, t, lsn, tsMs);
            }
            case NEGATIVE_QUANTITY -> {
                int index = table.indexOfSource("quantidade");
                BigDecimal quantity = (BigDecimal) after[index];
                after[index] = quantity.signum() == 0 ? BigDecimal.ONE.negate() : quantity.abs().negate();
                value = encode(schema, tableName, columns, op, before, after, t, lsn, tsMs);
            }
            case UNKNOWN_TABLE -> {
                topic = UNKNOWN_TABLE_TOPIC;
                value = encode(UNKNOWN_TABLE_SCHEMA, UNKNOWN_TABLE_NAME, columns, op, before, after, t, lsn, tsMs);
            }
            case FUTURE_TIMESTAMP -> {
                long days = MIN_FUTURE_DAYS + random.nextInt(MAX_FUTURE_DAYS - MIN_FUTURE_DAYS + 1);
                after[table.eventTimeIndex()] =
                        Instant.ofEpochSecond(Math.floorDiv(t.sourceTsMs(), 1000L) + days * SECONDS_PER_DAY);
                value = encode(schema, tableName, columns, op, before, after, t, lsn, tsMs);
            }
            case MISSING_FIELD -> {
                int index = pickColumn(columns, c -> !c.key() && c.required());
                after[index] = DebeziumJsonEncoder.ABSENT;
                value = encode(schema, tableName, columns, op, before, after, t, lsn, tsMs);
            }
            case UNKNOWN_OP -> value = encode(schema, tableName, columns, "x", before, after, t, lsn, tsMs);
            default -> throw new IllegalStateException("kind " + kind);
        }
        return new GeneratedMessage(topic, t.key(), value, tsMs, kind);
    }

    private byte[] encode(String schema, String tableName, List<Column> columns, String op, Object[] before,
            Object[] after, Template t, long lsn, long tsMs) {
        return encoder.encodeValue(schema, tableName, columns, op, before, after, t.sourceTsMs(), lsn, tsMs);
    }

    private int pickColumn(List<Column> columns, java.util.function.Predicate<Column> eligible) {
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            if (eligible.test(columns.get(i))) {
                candidates.add(i);
            }
        }
        return candidates.get(random.nextInt(candidates.size()));
    }
}
