package io.flowcast.generator;

import io.flowcast.cdc.MirrorTable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Discrete-event simulation of the warehouse: orders ship from the regional warehouse while
 * stock lasts, stock is replenished by purchases that arrive after the supplier's lead time,
 * inventory counts adjust stock, and some order lines are amended or cancelled later.
 *
 * <p>Actions run in (time, sequence) order, so the change stream is in non-decreasing business
 * time. Stock is kept in whole units and never goes negative because a sale ships at most what is
 * on hand and a negative adjustment never exceeds it.
 */
final class WarehouseSimulation {
    private static final long SECONDS_PER_HOUR = 3600;
    private static final long SECONDS_PER_DAY = 24 * SECONDS_PER_HOUR;
    /** The snapshot is taken one hour before the first simulated week starts. */
    static final long SNAPSHOT_LEAD_SECONDS = SECONDS_PER_HOUR;
    private static final int QUANTITY_SCALE = 3;
    private static final int PRICE_SCALE = 2;
    private static final int COST_SCALE = 4;
    private static final BigDecimal MAX_DISCOUNT = new BigDecimal("0.30");
    /** Share of days Monday..Sunday on which orders are placed: a B2B cooperative's week. */
    private static final double[] WEEKDAY_WEIGHTS = {0.2, 0.2, 0.2, 0.18, 0.15, 0.06, 0.01};
    private static final int OPENING_HOUR = 7;
    private static final int OPEN_HOURS = 12;
    private static final int MAX_ITEMS_PER_ORDER = 4;
    private static final int CUSTOMERS_PER_REGION = 200;
    /** Weekly chance that a stock row gets an inventory count adjustment. */
    private static final double ADJUSTMENT_PROBABILITY = 0.03;
    private static final double ADJUSTMENT_MAX_SHARE = 0.03;
    /** Chance that a movement's unit cost is corrected later (the only change movements get). */
    private static final double COST_CORRECTION_PROBABILITY = 0.005;
    /** Every this many weeks some products get a new list price. */
    private static final int PRICE_REVIEW_WEEKS = 13;
    private static final double PRICE_CHANGE_PROBABILITY = 0.1;
    /** Safety factor over lead-time demand for the reorder point. */
    private static final double SAFETY_FACTOR = 1.3;
    private static final double ORDER_COVER_WEEKS = 3.0;
    private static final long MAX_MODIFICATION_DELAY = 14 * SECONDS_PER_DAY;

    private static final MirrorTable PM = MirrorTable.PRODUCT_MASTER;
    private static final MirrorTable TX = MirrorTable.INVENTORY_TRANSACTIONS;
    private static final MirrorTable ST = MirrorTable.STOCK_LEVELS;
    private static final MirrorTable SO = MirrorTable.SALES_ORDERS;
    private static final MirrorTable PU = MirrorTable.PURCHASES;
    private static final int PM_PRICE = PM.indexOfSource("preco_venda");
    private static final int PM_UPDATED = PM.indexOfSource("ultima_atualizacao");
    private static final int TX_COST = TX.indexOfSource("custo_unitario");
    private static final int SO_QUANTITY = SO.indexOfSource("quantidade");
    private static final int SO_FULFILLED = SO.indexOfSource("quantidade_atendida");
    private static final int SO_DISCOUNT = SO.indexOfSource("desconto");
    private static final int SO_STATUS = SO.indexOfSource("status");
    private static final int SO_PROMOTION = SO.indexOfSource("promocao");
    private static final int PU_RECEIVED = PU.indexOfSource("data_recebimento");
    private static final int PU_STATUS = PU.indexOfSource("status");

    private final GeneratorConfig config;
    private final DemandModel model;
    private final SplittableRandom random;
    private final long startSecond;
    private final long endSecond;
    private final PriorityQueue<Action> queue = new PriorityQueue<>();
    private final Object[][] productRows;
    private final Stock[][] stocks;
    private long actionSequence;
    private long orderSequence;
    private long purchaseSequence;
    private long transactionSequence;
    private long countSequence;

    WarehouseSimulation(GeneratorConfig config, DemandModel model, SplittableRandom random) {
        this.config = config;
        this.model = model;
        this.random = random;
        this.startSecond = config.startDate().atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        this.endSecond = config.endDate().atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        int products = config.products();
        int regions = config.regions().size();
        this.productRows = new Object[products][];
        this.stocks = new Stock[products][regions];
        List<SeriesProfile> series = model.series();
        for (int p = 0; p < products; p++) {
            ProductProfile product = model.products().get(p);
            long minimum = 0;
            long maximum = 0;
            for (int r = 0; r < regions; r++) {
                double meanWeekly = series.get(p * regions + r).meanDemand();
                long reorderPoint = (long) Math.ceil(meanWeekly * (product.leadTimeDays() / 7.0 + 1) * SAFETY_FACTOR) + 1;
                long orderUpTo = reorderPoint + (long) Math.ceil(meanWeekly * ORDER_COVER_WEEKS) + 1;
                stocks[p][r] = new Stock(product, config.regions().get(r), reorderPoint, orderUpTo);
                minimum += reorderPoint;
                maximum += orderUpTo;
            }
            long updatedSecond = startSecond - SNAPSHOT_LEAD_SECONDS
                    - SECONDS_PER_DAY * (1 + random.nextInt(400)) - random.nextInt((int) SECONDS_PER_DAY);
            productRows[p] = new Object[] {
                product.code(), product.description(), product.category(), product.unit(), product.listPrice(),
                product.standardCost(), quantity(minimum), quantity(maximum), product.leadTimeDays(),
                Boolean.TRUE, product.critical(), Instant.ofEpochSecond(updatedSecond)
            };
        }
        queue.add(new WeekStart(startSecond, 0));
    }

    /** Epoch second of the snapshot (the commit time of every {@code r} event). */
    long snapshotSecond() {
        return startSecond - SNAPSHOT_LEAD_SECONDS;
    }

    /** The snapshot: every product, then every stock row, as they were before week 0. */
    void snapshot(Consumer<ChangeEvent> out) {
        long at = snapshotSecond();
        for (Object[] row : productRows) {
            out.accept(new ChangeEvent(PM, ChangeOp.READ, null, row, at));
        }
        for (Stock[] byRegion : stocks) {
            for (Stock stock : byRegion) {
                out.accept(new ChangeEvent(ST, ChangeOp.READ, null, stock.row(at), at));
            }
        }
    }

    /** Runs the next action; false once the horizon is reached (pending later actions are dropped). */
    boolean step(Consumer<ChangeEvent> out) {
        Action action = queue.poll();
        if (action == null || action.second >= endSecond) {
            queue.clear();
            return false;
        }
        action.run(out);
        return true;
    }

    private void schedule(Action action) {
        queue.add(action);
    }

    private static BigDecimal quantity(long units) {
        return BigDecimal.valueOf(units).setScale(QUANTITY_SCALE, RoundingMode.UNNECESSARY);
    }

    private long businessSecondIn(long weekStart) {
        double u = random.nextDouble();
        int day = 0;
        while (day < WEEKDAY_WEIGHTS.length - 1 && (u -= WEEKDAY_WEIGHTS[day]) >= 0) {
            day++;
        }
        return weekStart + day * SECONDS_PER_DAY + OPENING_HOUR * SECONDS_PER_HOUR
                + random.nextInt(OPEN_HOURS * (int) SECONDS_PER_HOUR);
    }

    private abstract class Action implements Comparable<Action> {
        final long second;
        final long sequence;

        Action(long second) {
            this.second = second;
            this.sequence = actionSequence++;
        }

        abstract void run(Consumer<ChangeEvent> out);

        @Override
        public int compareTo(Action other) {
            int bySecond = Long.compare(second, other.second);
            return bySecond != 0 ? bySecond : Long.compare(sequence, other.sequence);
        }
    }

    /** Plans one week: orders per region, inventory counts, price reviews. */
    private final class WeekStart extends Action {
        private final int week;

        WeekStart(long second, int week) {
            super(second);
            this.week = week;
        }

        @Override
        void run(Consumer<ChangeEvent> out) {
            if (week + 1 < config.weeks()) {
                schedule(new WeekStart(second + 7 * SECONDS_PER_DAY, week + 1));
            }
            if (week > 0 && week % PRICE_REVIEW_WEEKS == 0) {
                for (int p = 0; p < productRows.length; p++) {
                    if (random.nextDouble() < PRICE_CHANGE_PROBABILITY) {
                        schedule(new PriceChange(businessSecondIn(second), p));
                    }
                }
            }
            int regions = config.regions().size();
            List<SeriesProfile> series = model.series();
            for (int r = 0; r < regions; r++) {
                List<PlannedLine> lines = new ArrayList<>();
                for (int p = 0; p < productRows.length; p++) {
                    SeriesProfile profile = series.get(p * regions + r);
                    splitIntoLines(p, profile.demand(week), profile.promotion(week), lines);
                }
                shuffle(lines);
                int next = 0;
                while (next < lines.size()) {
                    int items = Math.min(lines.size() - next, 1 + random.nextInt(MAX_ITEMS_PER_ORDER));
                    String customer = String.format("CLI-%s-%04d", config.regions().get(r),
                            1 + random.nextInt(CUSTOMERS_PER_REGION));
                    schedule(new SaleOrder(businessSecondIn(second), r, customer,
                            List.copyOf(lines.subList(next, next + items))));
                    next += items;
                }
                for (int p = 0; p < productRows.length; p++) {
                    if (random.nextDouble() < ADJUSTMENT_PROBABILITY) {
                        schedule(new Adjustment(businessSecondIn(second), stocks[p][r]));
                    }
                }
            }
        }

        private void splitIntoLines(int product, int demand, boolean promotion, List<PlannedLine> lines) {
            if (demand <= 0) {
                return;
            }
            int count = (int) Math.min(demand, 1 + Math.round(random.nextDouble() * 2 * (config.linesPerSeriesWeek() - 1)));
            double[] weights = new double[count];
            double total = 0;
            for (int i = 0; i < count; i++) {
                weights[i] = 0.5 + random.nextDouble();
                total += weights[i];
            }
            // Every line gets one unit, the rest is shared by weight; the last line takes the rounding.
            int rest = demand - count;
            int assigned = 0;
            for (int i = 0; i < count; i++) {
                int share = i == count - 1 ? rest - assigned : (int) Math.floor(rest * weights[i] / total);
                assigned += share;
                lines.add(new PlannedLine(product, 1 + share, promotion));
            }
        }

        private void shuffle(List<PlannedLine> lines) {
            for (int i = lines.size() - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                PlannedLine tmp = lines.get(i);
                lines.set(i, lines.get(j));
                lines.set(j, tmp);
            }
        }
    }

    private record PlannedLine(int product, int units, boolean promotion) {}

    /** Mutable holder of a row that later actions change: they need the current before image. */
    private static final class RowRef {
        Object[] row;

        RowRef(Object[] row) {
            this.row = row;
        }
    }

    private final class SaleOrder extends Action {
        private final int region;
        private final String customer;
        private final List<PlannedLine> lines;

        SaleOrder(long second, int region, String customer, List<PlannedLine> lines) {
            super(second);
            this.region = region;
            this.customer = customer;
            this.lines = lines;
        }

        @Override
        void run(Consumer<ChangeEvent> out) {
            String orderNumber = String.format("PV%09d", ++orderSequence);
            Instant at = Instant.ofEpochSecond(second);
            String regionCode = config.regions().get(region);
            for (int i = 0; i < lines.size(); i++) {
                PlannedLine line = lines.get(i);
                Stock stock = stocks[line.product()][region];
                long shipped = Math.min(line.units(), stock.onHand);
                String status = shipped == line.units() ? "FATURADO" : shipped > 0 ? "PARCIAL" : "PENDENTE";
                BigDecimal discount = line.promotion()
                        ? BigDecimal.valueOf(10 + random.nextInt(21), 2)
                        : random.nextDouble() < 0.7 ? BigDecimal.ZERO.setScale(2) : BigDecimal.valueOf(random.nextInt(9), 2);
                Object[] row = {
                    orderNumber, i + 1, stock.product.code(), customer, regionCode, quantity(line.units()),
                    quantity(shipped), productRows[line.product()][PM_PRICE], discount, line.promotion(), status, at
                };
                out.accept(new ChangeEvent(SO, ChangeOp.CREATE, null, row, second));
                if (shipped > 0) {
                    Object[] movement = stock.move(second, "SAIDA", shipped, stock.averageCost, null, customer,
                            orderNumber, out);
                    maybeCorrectCost(movement);
                }
                RowRef ref = new RowRef(row);
                double fate = random.nextDouble();
                if (fate < config.deleteFraction()) {
                    schedule(new CancelLine(second + 1 + random.nextLong(MAX_MODIFICATION_DELAY), ref, stock));
                } else if (fate < config.deleteFraction() + config.updateFraction()) {
                    schedule(new AmendLine(second + 1 + random.nextLong(MAX_MODIFICATION_DELAY), ref));
                }
                stock.replenishIfNeeded(second, out);
            }
        }
    }

    private void maybeCorrectCost(Object[] movement) {
        if (random.nextDouble() < COST_CORRECTION_PROBABILITY) {
            long at = ((Instant) movement[TX.eventTimeIndex()]).getEpochSecond();
            schedule(new CostCorrection(at + 1 + random.nextLong(3 * SECONDS_PER_DAY), new RowRef(movement)));
        }
    }

    /** Status, discount or quantity of an earlier order line changes. */
    private final class AmendLine extends Action {
        private final RowRef ref;

        AmendLine(long second, RowRef ref) {
            super(second);
            this.ref = ref;
        }

        @Override
        void run(Consumer<ChangeEvent> out) {
            Object[] before = ref.row;
            Object[] after = before.clone();
            double kind = random.nextDouble();
            if (kind < 0.4 && "FATURADO".equals(before[SO_STATUS])) {
                after[SO_STATUS] = "ENTREGUE";
            } else if (kind < 0.7) {
                // A promotion line keeps a promotional discount (10% or more) after a correction.
                boolean promotion = (Boolean) before[SO_PROMOTION];
                BigDecimal discount = BigDecimal.valueOf(promotion ? 10 + random.nextInt(21) : random.nextInt(31), 2);
                after[SO_DISCOUNT] = discount.min(MAX_DISCOUNT);
            } else {
                // The customer changes the ordered quantity; what already shipped stays shipped.
                long ordered = ((BigDecimal) before[SO_QUANTITY]).longValueExact();
                long fulfilled = ((BigDecimal) before[SO_FULFILLED]).longValueExact();
                long delta = Math.round((random.nextDouble() - 0.5) * 0.6 * ordered);
                long amended = Math.max(Math.max(1, fulfilled), ordered + (delta == 0 ? 1 : delta));
                after[SO_QUANTITY] = quantity(amended);
            }
            ref.row = after;
            out.accept(new ChangeEvent(SO, ChangeOp.UPDATE, before, after, second));
        }
    }

    /** An order line is cancelled; whatever had shipped comes back as a return (DEVOLUCAO). */
    private final class CancelLine extends Action {
        private final RowRef ref;
        private final Stock stock;

        CancelLine(long second, RowRef ref, Stock stock) {
            super(second);
            this.ref = ref;
            this.stock = stock;
        }

        @Override
        void run(Consumer<ChangeEvent> out) {
            Object[] before = ref.row;
            out.accept(new ChangeEvent(SO, ChangeOp.DELETE, before, null, second));
            long fulfilled = ((BigDecimal) before[SO_FULFILLED]).longValueExact();
            if (fulfilled > 0) {
                stock.move(second, "DEVOLUCAO", fulfilled, stock.averageCost, null,
                        (String) before[SO.indexOfSource("cliente")], (String) before[0], out);
            }
        }
    }

    /** A movement's unit cost is corrected (e.g. the supplier's invoice differs from the order). */
    private final class CostCorrection extends Action {
        private final RowRef ref;

        CostCorrection(long second, RowRef ref) {
            super(second);
            this.ref = ref;
        }

        @Override
        void run(Consumer<ChangeEvent> out) {
            Object[] before = ref.row;
            Object[] after = before.clone();
            BigDecimal factor = BigDecimal.valueOf(970 + random.nextInt(61), 3);
            after[TX_COST] = ((BigDecimal) before[TX_COST]).multiply(factor).setScale(COST_SCALE, RoundingMode.HALF_UP);
            ref.row = after;
            out.accept(new ChangeEvent(TX, ChangeOp.UPDATE, before, after, second));
        }
    }

    private final class Adjustment extends Action {
        private final Stock stock;

        Adjustment(long second, Stock stock) {
            super(second);
            this.stock = stock;
        }

        @Override
        void run(Consumer<ChangeEvent> out) {
            long delta = Math.round(stock.onHand * ADJUSTMENT_MAX_SHARE * (2 * random.nextDouble() - 1));
            if (delta == 0) {
                delta = random.nextBoolean() && stock.onHand > 0 ? -1 : 1;
            }
            delta = Math.max(delta, -stock.onHand);
            String document = String.format("INV%08d", ++countSequence);
            stock.move(second, "AJUSTE", delta, stock.averageCost, null, null, document, out);
            stock.replenishIfNeeded(second, out);
        }
    }

    private final class PriceChange extends Action {
        private final int product;

        PriceChange(long second, int product) {
            super(second);
            this.product = product;
        }

        @Override
        void run(Consumer<ChangeEvent> out) {
            Object[] before = productRows[product];
            Object[] after = before.clone();
            BigDecimal factor = BigDecimal.valueOf(1020 + random.nextInt(61), 3);
            after[PM_PRICE] = ((BigDecimal) before[PM_PRICE]).multiply(factor).setScale(PRICE_SCALE, RoundingMode.HALF_UP);
            after[PM_UPDATED] = Instant.ofEpochSecond(second);
            productRows[product] = after;
            out.accept(new ChangeEvent(PM, ChangeOp.UPDATE, before, after, second));
        }
    }

    /** A purchase arrives: the purchase line is marked received, stock goes up at the new average cost. */
    private final class Receipt extends Action {
        private final RowRef purchase;
        private final Stock stock;
        private final long units;

        Receipt(long second, RowRef purchase, Stock stock, long units) {
            super(second);
            this.purchase = purchase;
            this.stock = stock;
            this.units = units;
        }

        @Override
        void run(Consumer<ChangeEvent> out) {
            Object[] before = purchase.row;
            Object[] after = before.clone();
            after[PU_RECEIVED] = Instant.ofEpochSecond(second);
            after[PU_STATUS] = "RECEBIDO";
            purchase.row = after;
            out.accept(new ChangeEvent(PU, ChangeOp.UPDATE, before, after, second));
            stock.inTransit -= units;
            BigDecimal unitCost = (BigDecimal) after[PU.indexOfSource("custo_unitario")];
            Object[] movement = stock.move(second, "ENTRADA", units, unitCost, stock.product.supplier(), null,
                    (String) after[0], out);
            maybeCorrectCost(movement);
        }
    }

    /** On-hand, in-transit and average cost of one product in one warehouse. */
    private final class Stock {
        final ProductProfile product;
        final String warehouse;
        final long reorderPoint;
        final long orderUpTo;
        long onHand;
        long inTransit;
        BigDecimal averageCost;
        Object[] lastRow;

        Stock(ProductProfile product, String region, long reorderPoint, long orderUpTo) {
            this.product = product;
            this.warehouse = GeneratorConfig.warehouseOf(region);
            this.reorderPoint = reorderPoint;
            this.orderUpTo = orderUpTo;
            this.onHand = orderUpTo;
            this.averageCost = product.standardCost();
        }

        Object[] row(long second) {
            lastRow = new Object[] {
                product.code(), warehouse, quantity(onHand), quantity(0), quantity(inTransit), averageCost,
                Instant.ofEpochSecond(second)
            };
            return lastRow;
        }

        /** Emits the movement and the stock row it leads to; returns the movement row. */
        Object[] move(long second, String type, long units, BigDecimal unitCost, String supplier, String customer,
                String document, Consumer<ChangeEvent> out) {
            Object[] movement = {
                ++transactionSequence, product.code(), type, quantity(units), unitCost, Instant.ofEpochSecond(second),
                warehouse, supplier, customer, document
            };
            out.accept(new ChangeEvent(TX, ChangeOp.CREATE, null, movement, second));
            if ("ENTRADA".equals(type) && onHand + units > 0) {
                averageCost = averageCost.multiply(BigDecimal.valueOf(onHand))
                        .add(unitCost.multiply(BigDecimal.valueOf(units)))
                        .divide(BigDecimal.valueOf(onHand + units), COST_SCALE, RoundingMode.HALF_UP);
            }
            onHand += "SAIDA".equals(type) ? -units : units;
            if (onHand < 0) {
                throw new IllegalStateException("negative stock for " + product.code() + " at " + warehouse);
            }
            emitStock(second, out);
            return movement;
        }

        void emitStock(long second, Consumer<ChangeEvent> out) {
            Object[] before = lastRow;
            Object[] after = row(second);
            out.accept(new ChangeEvent(ST, ChangeOp.UPDATE, before, after, second));
        }

        void replenishIfNeeded(long second, Consumer<ChangeEvent> out) {
            long position = onHand + inTransit;
            if (position > reorderPoint) {
                return;
            }
            long units = orderUpTo - position;
            BigDecimal unitCost = product.standardCost()
                    .multiply(BigDecimal.valueOf(950 + random.nextInt(101), 3))
                    .setScale(COST_SCALE, RoundingMode.HALF_UP);
            long expected = second + product.leadTimeDays() * SECONDS_PER_DAY;
            Object[] purchase = {
                String.format("PC%08d", ++purchaseSequence), 1, product.code(), product.supplier(), warehouse,
                quantity(units), unitCost, Instant.ofEpochSecond(second),
                LocalDate.ofEpochDay(Math.floorDiv(expected, SECONDS_PER_DAY)), null, "PEDIDO"
            };
            out.accept(new ChangeEvent(PU, ChangeOp.CREATE, null, purchase, second));
            inTransit += units;
            emitStock(second, out);
            // Suppliers deliver from a day early to three days late.
            long arrival = expected - SECONDS_PER_DAY + random.nextLong(4 * SECONDS_PER_DAY);
            schedule(new Receipt(Math.max(second + SECONDS_PER_HOUR, arrival), new RowRef(purchase), this, units));
        }
    }
}
