package io.flowcast.generator;

import io.flowcast.cdc.MirrorTable;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The exact outcome a correct pipeline must reach after consuming every good message the
 * generator emitted (in order): the final row per natural key of every mirror table, the Redis
 * aggregates of inventory movements, weekly sales totals, and how many bad messages of each kind
 * it must have routed to the dead-letter table.
 *
 * <p>Aggregates are maintained incrementally (an update subtracts its before image and adds its
 * after image, a delete subtracts), so they stay exact even when {@link
 * GeneratorConfig#keepFinalRows()} is off and rows are not kept. Rows are {@code Object[]}
 * aligned with {@link MirrorTable#columns()}, holding the Java types {@link
 * io.flowcast.cdc.ColumnType} documents; deleted keys are absent.
 */
public final class GeneratorLedger {

    /** Key of the daily Redis aggregate {@code agg:daily:{product}:{date}} (UTC day). */
    public record ProductDay(String productCode, LocalDate day) {}

    /** Key of the monthly Redis aggregate {@code agg:monthly:{product}:{yyyy-mm}} (UTC month). */
    public record ProductMonth(String productCode, YearMonth month) {}

    /**
     * Movement totals over the final movement rows.
     *
     * @param count number of movements
     * @param quantity sum of {@code quantidade} (signed: AJUSTE may be negative)
     * @param value sum of {@code quantidade * custo_unitario}
     */
    public record TransactionAggregate(long count, BigDecimal quantity, BigDecimal value) {
        static final TransactionAggregate EMPTY = new TransactionAggregate(0, BigDecimal.ZERO, BigDecimal.ZERO);

        TransactionAggregate plus(int sign, BigDecimal rowQuantity, BigDecimal rowValue) {
            return sign > 0
                    ? new TransactionAggregate(count + 1, quantity.add(rowQuantity), value.add(rowValue))
                    : new TransactionAggregate(count - 1, quantity.subtract(rowQuantity), value.subtract(rowValue));
        }
    }

    /** One demand series-week: product, region and the Monday (UTC) its ISO week starts on. */
    public record SalesWeek(String productCode, String region, LocalDate weekStart) {}

    /**
     * Sales totals of one series-week over the final sales rows.
     *
     * @param lines order lines
     * @param units sum of {@code quantidade}
     * @param revenue sum of {@code quantidade * preco_unitario * (1 - desconto)}
     */
    public record WeeklySales(long lines, BigDecimal units, BigDecimal revenue) {
        static final WeeklySales EMPTY = new WeeklySales(0, BigDecimal.ZERO, BigDecimal.ZERO);

        WeeklySales plus(int sign, BigDecimal rowUnits, BigDecimal rowRevenue) {
            return sign > 0
                    ? new WeeklySales(lines + 1, units.add(rowUnits), revenue.add(rowRevenue))
                    : new WeeklySales(lines - 1, units.subtract(rowUnits), revenue.subtract(rowRevenue));
        }
    }

    /** One stock row (product x warehouse) in one ISO week: the week of its {@code data_atualizacao}. */
    public record StockWeek(String productCode, String warehouse, LocalDate weekStart) {}

    /**
     * Fulfilment of one series-week over the final sales rows that report a fulfilled quantity.
     *
     * @param ordered sum of {@code quantidade}
     * @param fulfilled sum of {@code quantidade_atendida}
     */
    public record WeeklyFulfilment(BigDecimal ordered, BigDecimal fulfilled) {
        WeeklyFulfilment plus(int sign, BigDecimal rowOrdered, BigDecimal rowFulfilled) {
            return sign > 0
                    ? new WeeklyFulfilment(ordered.add(rowOrdered), fulfilled.add(rowFulfilled))
                    : new WeeklyFulfilment(ordered.subtract(rowOrdered), fulfilled.subtract(rowFulfilled));
        }
    }

    private static final MirrorTable TX = MirrorTable.INVENTORY_TRANSACTIONS;
    private static final MirrorTable SO = MirrorTable.SALES_ORDERS;
    private static final int TX_ID = TX.indexOfSource("id_movimentacao");
    private static final int TX_PRODUCT = TX.indexOfSource("codigo_produto");
    private static final int TX_QUANTITY = TX.indexOfSource("quantidade");
    private static final int TX_TIME = TX.indexOfSource("data_movimentacao");
    private static final int SO_PRODUCT = SO.indexOfSource("codigo_produto");
    private static final int SO_REGION = SO.indexOfSource("regiao");
    private static final int SO_QUANTITY = SO.indexOfSource("quantidade");
    private static final int SO_TIME = SO.indexOfSource("data_pedido");
    private static final int SO_FULFILLED = SO.indexOfSource("quantidade_atendida");
    private static final MirrorTable ST = MirrorTable.STOCK_LEVELS;
    private static final int ST_PRODUCT = ST.indexOfSource("codigo_produto");
    private static final int ST_WAREHOUSE = ST.indexOfSource("deposito");
    private static final int ST_TIME = ST.indexOfSource("data_atualizacao");

    private final boolean keepRows;
    private final List<SeriesProfile> series;
    private final EnumMap<MirrorTable, Map<String, Object[]>> rows = new EnumMap<>(MirrorTable.class);
    private final EnumMap<MirrorTable, Long> rowCounts = new EnumMap<>(MirrorTable.class);
    private final EnumMap<MirrorTable, Long> goodEvents = new EnumMap<>(MirrorTable.class);
    private final EnumMap<BadEventKind, Long> badEvents = new EnumMap<>(BadEventKind.class);
    private final Map<ProductDay, TransactionAggregate> daily = new HashMap<>();
    private final Map<ProductMonth, TransactionAggregate> monthly = new HashMap<>();
    private final Map<String, Object[]> latestTransactions = new HashMap<>();
    private final Map<SalesWeek, WeeklySales> weekly = new HashMap<>();
    private final Map<SalesWeek, WeeklyFulfilment> fulfilment = new HashMap<>();
    private final Map<StockWeek, Object[]> stockByWeek = new HashMap<>();
    private long tombstones;

    GeneratorLedger(boolean keepRows, List<SeriesProfile> series) {
        this.keepRows = keepRows;
        this.series = series;
        for (MirrorTable table : MirrorTable.values()) {
            rows.put(table, new HashMap<>());
            rowCounts.put(table, 0L);
            goodEvents.put(table, 0L);
        }
        for (BadEventKind kind : BadEventKind.values()) {
            badEvents.put(kind, 0L);
        }
    }

    void apply(ChangeEvent event) {
        MirrorTable table = event.table();
        goodEvents.merge(table, 1L, Long::sum);
        String key = table.keyString(event.keyImage());
        switch (event.op()) {
            case READ, CREATE -> rowCounts.merge(table, 1L, Long::sum);
            case DELETE -> rowCounts.merge(table, -1L, Long::sum);
            case UPDATE -> { }
            default -> throw new IllegalStateException("op " + event.op());
        }
        if (keepRows) {
            if (event.after() != null) {
                rows.get(table).put(key, event.after());
            } else {
                rows.get(table).remove(key);
            }
        }
        if (table == TX) {
            if (event.op() == ChangeOp.DELETE) {
                // Movements are append-only in the warehouse (corrections are new movements); the
                // latest-movement aggregate relies on it.
                throw new IllegalStateException("the generator never deletes movements");
            }
            if (event.before() != null) {
                addMovement(-1, event.before());
            }
            addMovement(1, event.after());
            updateLatest(event.after());
        } else if (table == SO) {
            if (event.before() != null) {
                addSale(-1, event.before());
            }
            if (event.after() != null) {
                addSale(1, event.after());
            }
        } else if (table == ST) {
            if (event.op() == ChangeOp.DELETE) {
                throw new IllegalStateException("the generator never deletes stock rows");
            }
            Object[] row = event.after();
            stockByWeek.put(new StockWeek((String) row[ST_PRODUCT], (String) row[ST_WAREHOUSE], weekStartOf((Instant) row[ST_TIME])), row);
        }
    }

    void countBad(BadEventKind kind) {
        badEvents.merge(kind, 1L, Long::sum);
    }

    void countTombstone() {
        tombstones++;
    }

    private void addMovement(int sign, Object[] row) {
        String product = (String) row[TX_PRODUCT];
        BigDecimal quantity = (BigDecimal) row[TX_QUANTITY];
        BigDecimal value = TX.valueTotal(row);
        LocalDate day = LocalDate.ofInstant((Instant) row[TX_TIME], ZoneOffset.UTC);
        daily.merge(new ProductDay(product, day), TransactionAggregate.EMPTY.plus(sign, quantity, value),
                (a, b) -> dropEmpty(a.plus(sign, quantity, value)));
        monthly.merge(new ProductMonth(product, YearMonth.from(day)), TransactionAggregate.EMPTY.plus(sign, quantity, value),
                (a, b) -> dropEmpty(a.plus(sign, quantity, value)));
    }

    private static TransactionAggregate dropEmpty(TransactionAggregate aggregate) {
        return aggregate.count() == 0 ? null : aggregate;
    }

    private void updateLatest(Object[] row) {
        String product = (String) row[TX_PRODUCT];
        Object[] current = latestTransactions.get(product);
        if (current == null || !isAfter(current, row)) {
            latestTransactions.put(product, row);
        }
    }

    /** Whether movement a is strictly later than b by (data_movimentacao, id_movimentacao). */
    private static boolean isAfter(Object[] a, Object[] b) {
        int byTime = ((Instant) a[TX_TIME]).compareTo((Instant) b[TX_TIME]);
        return byTime != 0 ? byTime > 0 : (Long) a[TX_ID] > (Long) b[TX_ID];
    }

    private static LocalDate weekStartOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private void addSale(int sign, Object[] row) {
        LocalDate weekStart = weekStartOf((Instant) row[SO_TIME]);
        SalesWeek key = new SalesWeek((String) row[SO_PRODUCT], (String) row[SO_REGION], weekStart);
        if (row[SO_FULFILLED] != null) {
            WeeklyFulfilment zero = new WeeklyFulfilment(BigDecimal.ZERO, BigDecimal.ZERO);
            fulfilment.merge(key, zero.plus(sign, (BigDecimal) row[SO_QUANTITY], (BigDecimal) row[SO_FULFILLED]),
                    (a, b) -> a.plus(sign, (BigDecimal) row[SO_QUANTITY], (BigDecimal) row[SO_FULFILLED]));
        }
        BigDecimal units = (BigDecimal) row[SO_QUANTITY];
        BigDecimal revenue = SO.valueTotal(row);
        weekly.merge(key, WeeklySales.EMPTY.plus(sign, units, revenue), (a, b) -> {
            WeeklySales sum = a.plus(sign, units, revenue);
            return sum.lines() == 0 ? null : sum;
        });
    }

    /** Whether {@link #rows} is available ({@link GeneratorConfig#keepFinalRows()}). */
    public boolean hasRows() {
        return keepRows;
    }

    /** Final rows of a table by {@link MirrorTable#keyString}; deleted keys are absent. */
    public Map<String, Object[]> rows(MirrorTable table) {
        if (!keepRows) {
            throw new IllegalStateException("rows are not kept: GeneratorConfig.keepFinalRows is off");
        }
        return Collections.unmodifiableMap(rows.get(table));
    }

    /** Number of rows a table ends with. */
    public long rowCount(MirrorTable table) {
        return rowCounts.get(table);
    }

    /** Good messages (tombstones excluded) emitted for a table. */
    public long goodEvents(MirrorTable table) {
        return goodEvents.get(table);
    }

    public long goodEvents() {
        return goodEvents.values().stream().mapToLong(Long::longValue).sum();
    }

    public long badEvents(BadEventKind kind) {
        return badEvents.get(kind);
    }

    public long badEvents() {
        return badEvents.values().stream().mapToLong(Long::longValue).sum();
    }

    public Map<BadEventKind, Long> badEventCounts() {
        return Collections.unmodifiableMap(badEvents);
    }

    /** Tombstones emitted (only with {@link GeneratorConfig#emitTombstones()}). */
    public long tombstones() {
        return tombstones;
    }

    /** Every message emitted: good, bad and tombstones. */
    public long totalMessages() {
        return goodEvents() + badEvents() + tombstones;
    }

    /** Movement aggregates per product per UTC day of {@code data_movimentacao}. */
    public Map<ProductDay, TransactionAggregate> dailyTransactions() {
        return Collections.unmodifiableMap(daily);
    }

    /** Movement aggregates per product per UTC month of {@code data_movimentacao}. */
    public Map<ProductMonth, TransactionAggregate> monthlyTransactions() {
        return Collections.unmodifiableMap(monthly);
    }

    /**
     * Per product, the final row of its latest movement by ({@code data_movimentacao}, {@code
     * id_movimentacao}): what {@code inventory:realtime:{product}} reflects.
     */
    public Map<String, Object[]> latestTransactions() {
        return Collections.unmodifiableMap(latestTransactions);
    }

    /** Units and revenue per product, region and ISO week over the final sales rows. */
    public Map<SalesWeek, WeeklySales> weeklySales() {
        return Collections.unmodifiableMap(weekly);
    }

    /**
     * Ordered and fulfilled units per product, region and ISO week over the final sales rows that
     * report a fulfilled quantity (a week whose lines were all cancelled holds zeros).
     */
    public Map<SalesWeek, WeeklyFulfilment> weeklyFulfilment() {
        return Collections.unmodifiableMap(fulfilment);
    }

    /**
     * Per stock row and ISO week in which it changed, its last version of that week: the stock at
     * the close of any week is the entry of the newest week up to it.
     */
    public Map<StockWeek, Object[]> stockByWeek() {
        return Collections.unmodifiableMap(stockByWeek);
    }

    /** The demand series the stream was drawn from, with their patterns. */
    public List<SeriesProfile> series() {
        return series;
    }
}
