package io.flowcast.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowcast.cdc.Column;
import io.flowcast.cdc.MirrorTable;
import io.flowcast.generator.GeneratorLedger.ProductDay;
import io.flowcast.generator.GeneratorLedger.ProductMonth;
import io.flowcast.generator.GeneratorLedger.SalesWeek;
import io.flowcast.generator.GeneratorLedger.TransactionAggregate;
import io.flowcast.generator.GeneratorLedger.WeeklySales;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CdcGeneratorTest {
    private static final double BAD_FRACTION = 0.05;
    private static final GeneratorConfig CONFIG = GeneratorConfig.builder()
            .seed(7)
            .products(15)
            .weeks(40)
            .badFraction(BAD_FRACTION)
            .build();

    private static GeneratedBatch batch;
    private static CdcReplay replay;

    @BeforeAll
    static void generate() {
        batch = new CdcGenerator(CONFIG).generateAll();
        replay = new CdcReplay();
        for (GeneratedMessage message : batch.messages()) {
            if (!message.isBad() && !message.isTombstone()) {
                replay.apply(message);
            }
        }
    }

    private static List<GeneratedMessage> good(List<GeneratedMessage> messages) {
        return messages.stream().filter(m -> !m.isBad()).toList();
    }

    @Test
    void sameSeedGivesIdenticalBytesAndOtherSeedDiffers() {
        List<GeneratedMessage> again = new CdcGenerator(CONFIG).generateAll().messages();
        assertThat(again).hasSameSizeAs(batch.messages());
        for (int i = 0; i < again.size(); i++) {
            GeneratedMessage a = batch.messages().get(i);
            GeneratedMessage b = again.get(i);
            assertThat(b.topic()).isEqualTo(a.topic());
            assertThat(b.key()).isEqualTo(a.key());
            assertThat(b.value()).isEqualTo(a.value());
            assertThat(b.timestampMillis()).isEqualTo(a.timestampMillis());
            assertThat(b.badKind()).isEqualTo(a.badKind());
        }
        List<GeneratedMessage> other = new CdcGenerator(CONFIG.withSeed(8)).generateAll().messages();
        int compared = Math.min(other.size(), again.size());
        long differing = java.util.stream.IntStream.range(0, compared)
                .filter(i -> !Arrays.equals(other.get(i).value(), again.get(i).value()))
                .count();
        assertThat(differing).isGreaterThan(compared / 2);
    }

    @Test
    void badEventsDoNotChangeTheGoodStream() {
        List<GeneratedMessage> clean = new CdcGenerator(CONFIG.withBadFraction(0)).generateAll().messages();
        List<GeneratedMessage> goodOnes = good(batch.messages());
        assertThat(clean).hasSameSizeAs(goodOnes).noneMatch(GeneratedMessage::isBad);
        for (int i = 0; i < clean.size(); i++) {
            assertThat(clean.get(i).value()).isEqualTo(goodOnes.get(i).value());
        }
    }

    @Test
    void streamIsLargeEnoughToMatter() {
        assertThat(batch.messages()).hasSizeGreaterThan(20_000);
        for (MirrorTable table : MirrorTable.values()) {
            assertThat(batch.ledger().goodEvents(table)).as(table.name()).isPositive();
        }
    }

    @Test
    void everyGoodEventIsAValidEnvelopeOfItsTable() {
        long previousLsn = Long.MIN_VALUE;
        long previousCommit = Long.MIN_VALUE;
        boolean changeStreamStarted = false;
        for (GeneratedMessage message : good(batch.messages())) {
            MirrorTable table = MirrorTable.forTopic(message.topic()).orElseThrow();
            JsonNode envelope = CdcReplay.parse(message.value());
            JsonNode source = envelope.get("source");
            assertThat(source.get("version").asText()).isEqualTo("2.7.0.Final");
            assertThat(source.get("connector").asText()).isEqualTo("hadoop-dw");
            assertThat(source.get("name").asText()).isEqualTo("castrolanda");
            assertThat(source.get("db").asText()).isEqualTo("castrolanda");
            assertThat(source.get("schema").asText()).isEqualTo(table.sourceSchema());
            assertThat(source.get("table").asText()).isEqualTo(table.sourceTable());
            long lsn = source.get("lsn").longValue();
            assertThat(lsn).isGreaterThan(previousLsn);
            previousLsn = lsn;
            long commit = source.get("ts_ms").longValue();
            assertThat(commit).isGreaterThanOrEqualTo(previousCommit);
            previousCommit = commit;
            assertThat(envelope.get("ts_ms").longValue()).isGreaterThanOrEqualTo(commit)
                    .isEqualTo(message.timestampMillis());

            String op = envelope.get("op").asText();
            Object[] before = CdcReplay.decode(table, envelope.get("before"));
            Object[] after = CdcReplay.decode(table, envelope.get("after"));
            switch (op) {
                case "r" -> {
                    assertThat(changeStreamStarted).as("snapshot reads come first").isFalse();
                    assertThat(before).isNull();
                    assertThat(after).isNotNull();
                }
                case "c" -> assertThat(before == null && after != null).isTrue();
                case "u" -> {
                    assertThat(before).isNotNull();
                    assertThat(table.keyString(before)).isEqualTo(table.keyString(after));
                }
                case "d" -> assertThat(before != null && after == null).isTrue();
                default -> throw new AssertionError("op " + op);
            }
            changeStreamStarted |= !op.equals("r");
            Object[] image = after != null ? after : before;
            Instant eventTime = (Instant) image[table.eventTimeIndex()];
            assertThat(eventTime.toEpochMilli()).as("business time never after commit").isLessThanOrEqualTo(commit);

            JsonNode key = CdcReplay.parse(message.key());
            int[] keyIndexes = table.keyIndexes();
            assertThat(key.size()).isEqualTo(keyIndexes.length);
            for (int index : keyIndexes) {
                Column column = table.columns().get(index);
                assertThat(key.get(column.source()).asText()).isEqualTo(String.valueOf(image[index]));
            }
        }
        assertThat(changeStreamStarted).isTrue();
    }

    @Test
    void timestampsAreIsoUtcSecondsAndDecimalsArePlain() {
        String value = new String(batch.messages().stream()
                .filter(m -> m.topic().equals(MirrorTable.PURCHASES.topic()) && !m.isBad())
                .findFirst().orElseThrow().value(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(value).containsPattern("\"data_compra\":\"\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z\"");
        assertThat(value).containsPattern("\"data_entrega_prevista\":\"\\d{4}-\\d{2}-\\d{2}\"");
        assertThat(value).containsPattern("\"quantidade\":\\d+\\.000,");
        assertThat(value).doesNotContain("E+").doesNotContain("E-");
    }

    @Test
    void replayOfGoodEventsReproducesTheLedgerRows() {
        GeneratorLedger ledger = batch.ledger();
        for (MirrorTable table : MirrorTable.values()) {
            Map<String, Object[]> expected = ledger.rows(table);
            Map<String, Object[]> actual = replay.rows.get(table);
            assertThat(actual.keySet()).as(table.name()).isEqualTo(expected.keySet());
            assertThat(ledger.rowCount(table)).isEqualTo(expected.size());
            for (Map.Entry<String, Object[]> entry : expected.entrySet()) {
                assertThat(CdcReplay.rowsEqual(actual.get(entry.getKey()), entry.getValue()))
                        .as(table + " " + entry.getKey()).isTrue();
                assertThat(table.keyString(entry.getValue())).isEqualTo(entry.getKey());
            }
        }
        assertThat(ledger.rowCount(MirrorTable.PRODUCT_MASTER)).isEqualTo(CONFIG.products());
        assertThat(ledger.rowCount(MirrorTable.STOCK_LEVELS)).isEqualTo((long) CONFIG.products() * 6);
    }

    @Test
    void updatesAndDeletesOfOrderLinesHappenAtTheConfiguredShare() {
        Map<String, Long> ops = new HashMap<>();
        for (GeneratedMessage message : good(batch.messages())) {
            if (message.topic().equals(MirrorTable.SALES_ORDERS.topic())) {
                ops.merge(CdcReplay.parse(message.value()).get("op").asText(), 1L, Long::sum);
            }
        }
        double created = ops.get("c");
        assertThat(ops.get("u") / created).isCloseTo(CONFIG.updateFraction(), within(0.01));
        assertThat(ops.get("d") / created).isCloseTo(CONFIG.deleteFraction(), within(0.005));
    }

    @Test
    void stockIsNeverNegativeAndShipmentsNeverExceedOrders() {
        int onHand = MirrorTable.STOCK_LEVELS.indexOfSource("quantidade_disponivel");
        int inTransit = MirrorTable.STOCK_LEVELS.indexOfSource("quantidade_transito");
        long stockEvents = 0;
        for (GeneratedMessage message : good(batch.messages())) {
            if (message.topic().equals(MirrorTable.STOCK_LEVELS.topic())) {
                Object[] after = CdcReplay.decode(MirrorTable.STOCK_LEVELS, CdcReplay.parse(message.value()).get("after"));
                assertThat((BigDecimal) after[onHand]).isGreaterThanOrEqualTo(BigDecimal.ZERO);
                assertThat((BigDecimal) after[inTransit]).isGreaterThanOrEqualTo(BigDecimal.ZERO);
                stockEvents++;
            }
        }
        assertThat(stockEvents).isGreaterThan(1000);
        MirrorTable so = MirrorTable.SALES_ORDERS;
        for (Object[] row : batch.ledger().rows(so).values()) {
            BigDecimal ordered = (BigDecimal) row[so.indexOfSource("quantidade")];
            BigDecimal shipped = (BigDecimal) row[so.indexOfSource("quantidade_atendida")];
            BigDecimal discount = (BigDecimal) row[so.indexOfSource("desconto")];
            assertThat(shipped).isBetween(BigDecimal.ZERO, ordered);
            assertThat(discount).isBetween(BigDecimal.ZERO, new BigDecimal("0.30"));
            if ((Boolean) row[so.indexOfSource("promocao")]) {
                assertThat(discount).isGreaterThanOrEqualTo(new BigDecimal("0.10"));
            }
        }
        assertThat(batch.ledger().rows(so).values())
                .anyMatch(row -> (Boolean) row[so.indexOfSource("promocao")])
                .anyMatch(row -> "PENDENTE".equals(row[so.indexOfSource("status")]) || "PARCIAL".equals(row[so.indexOfSource("status")]));
    }

    @Test
    void everyMovementTypeOccursAndAdjustmentsMayBeNegative() {
        MirrorTable tx = MirrorTable.INVENTORY_TRANSACTIONS;
        Map<String, Long> types = new HashMap<>();
        boolean negativeAdjustment = false;
        for (Object[] row : batch.ledger().rows(tx).values()) {
            String type = (String) row[tx.indexOfSource("tipo_movimentacao")];
            types.merge(type, 1L, Long::sum);
            BigDecimal quantity = (BigDecimal) row[tx.indexOfSource("quantidade")];
            if (!type.equals("AJUSTE")) {
                assertThat(quantity.signum()).as(type).isPositive();
            } else {
                negativeAdjustment |= quantity.signum() < 0;
            }
        }
        assertThat(types.keySet()).containsExactlyInAnyOrder("SAIDA", "ENTRADA", "AJUSTE", "DEVOLUCAO");
        assertThat(negativeAdjustment).isTrue();
        long shippedLines = batch.messages().stream()
                .filter(m -> !m.isBad() && m.topic().equals(MirrorTable.SALES_ORDERS.topic()))
                .map(m -> CdcReplay.parse(m.value()))
                .filter(e -> e.get("op").asText().equals("c")
                        && e.get("after").get("quantidade_atendida").decimalValue().signum() > 0)
                .count();
        assertThat(types.get("SAIDA")).isEqualTo(shippedLines);
    }

    @Test
    void badEventsOfEveryKindAtTheRequestedFraction() {
        GeneratorLedger ledger = batch.ledger();
        long total = batch.messages().size();
        assertThat(ledger.totalMessages()).isEqualTo(total);
        assertThat((double) ledger.badEvents() / total).isCloseTo(BAD_FRACTION, within(0.005));
        Map<BadEventKind, Long> seen = new EnumMap<>(BadEventKind.class);
        for (GeneratedMessage message : batch.messages()) {
            if (message.isBad()) {
                seen.merge(message.badKind(), 1L, Long::sum);
                assertBadEventHasItsDefect(message);
            }
        }
        assertThat(seen).isEqualTo(ledger.badEventCounts());
        long min = seen.values().stream().mapToLong(Long::longValue).min().orElseThrow();
        long max = seen.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        assertThat(seen).hasSize(BadEventKind.values().length);
        assertThat(max - min).isLessThanOrEqualTo(1);
    }

    private static void assertBadEventHasItsDefect(GeneratedMessage message) {
        assertThat(message.topic()).startsWith(MirrorTable.TOPIC_PREFIX);
        if (message.badKind() == BadEventKind.MALFORMED_JSON) {
            assertThatThrownBy(() -> CdcReplay.parse(message.value())).isInstanceOf(RuntimeException.class);
            return;
        }
        JsonNode envelope = CdcReplay.parse(message.value());
        if (message.badKind() == BadEventKind.UNKNOWN_TABLE) {
            assertThat(MirrorTable.forTopic(message.topic())).isEmpty();
            return;
        }
        MirrorTable table = MirrorTable.forTopic(message.topic()).orElseThrow();
        JsonNode after = envelope.get("after");
        switch (message.badKind()) {
            case MISSING_KEY -> assertThat(Arrays.stream(table.keyIndexes())
                    .mapToObj(i -> after.get(table.columns().get(i).source()))
                    .anyMatch(node -> node == null || node.isNull())).isTrue();
            case WRONG_TYPE -> assertThatThrownBy(() -> CdcReplay.decode(table, after))
                    .hasMessageContaining("wrong JSON type");
            case NEGATIVE_QUANTITY -> {
                assertThat(after.get("quantidade").decimalValue().signum()).isNegative();
                assertThat(table).isIn(MirrorTable.SALES_ORDERS, MirrorTable.INVENTORY_TRANSACTIONS);
                if (table == MirrorTable.INVENTORY_TRANSACTIONS) {
                    assertThat(after.get("tipo_movimentacao").asText()).isIn("ENTRADA", "SAIDA");
                }
            }
            case FUTURE_TIMESTAMP -> {
                String column = table.columns().get(table.eventTimeIndex()).source();
                long businessMs = Instant.parse(after.get(column).asText()).toEpochMilli();
                long commitMs = envelope.get("source").get("ts_ms").longValue();
                assertThat(businessMs - commitMs).isGreaterThan(2L * 86_400_000);
            }
            case MISSING_FIELD -> assertThat(table.columns().stream()
                    .anyMatch(c -> c.required() && !c.key() && !after.has(c.source()))).isTrue();
            case UNKNOWN_OP -> assertThat(envelope.get("op").asText()).isNotIn("c", "u", "d", "r");
            default -> throw new AssertionError(message.badKind());
        }
    }

    @Test
    void ledgerFulfilmentAndStockByWeekFollowTheReplayedRows() {
        MirrorTable so = MirrorTable.SALES_ORDERS;
        Map<SalesWeek, BigDecimal[]> fulfilment = new HashMap<>();
        for (Object[] row : replay.rows.get(so).values()) {
            LocalDate week = LocalDate.ofInstant((Instant) row[so.indexOfSource("data_pedido")], ZoneOffset.UTC)
                    .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            fulfilment.merge(new SalesWeek((String) row[so.indexOfSource("codigo_produto")],
                    (String) row[so.indexOfSource("regiao")], week),
                    new BigDecimal[] {(BigDecimal) row[so.indexOfSource("quantidade")],
                        (BigDecimal) row[so.indexOfSource("quantidade_atendida")]},
                    (a, b) -> new BigDecimal[] {a[0].add(b[0]), a[1].add(b[1])});
        }
        Map<SalesWeek, GeneratorLedger.WeeklyFulfilment> ledgerFulfilment = new HashMap<>(batch.ledger().weeklyFulfilment());
        // Weeks whose every line was cancelled stay as zeros in the ledger.
        ledgerFulfilment.values().removeIf(f -> f.ordered().signum() == 0 && f.fulfilled().signum() == 0);
        assertThat(ledgerFulfilment.keySet()).isEqualTo(fulfilment.keySet());
        fulfilment.forEach((key, sums) -> {
            assertThat(ledgerFulfilment.get(key).ordered()).isEqualByComparingTo(sums[0]);
            assertThat(ledgerFulfilment.get(key).fulfilled()).isEqualByComparingTo(sums[1]);
        });
        assertThat(fulfilment.values()).as("some lines ship short").anyMatch(s -> s[1].compareTo(s[0]) < 0);

        MirrorTable st = MirrorTable.STOCK_LEVELS;
        Map<String, GeneratorLedger.StockWeek> newest = new HashMap<>();
        batch.ledger().stockByWeek().keySet().forEach(k -> newest.merge(k.productCode() + "\u001f" + k.warehouse(), k,
                (a, b) -> a.weekStart().isAfter(b.weekStart()) ? a : b));
        Map<String, Object[]> finalRows = replay.rows.get(st);
        assertThat(newest.keySet()).isEqualTo(finalRows.keySet());
        finalRows.forEach((key, row) -> assertThat(CdcReplay.rowsEqual(batch.ledger().stockByWeek().get(newest.get(key)), row))
                .as(key).isTrue());
    }

    @Test
    void ledgerAggregatesEqualAggregatesOfTheReplayedRows() {
        MirrorTable tx = MirrorTable.INVENTORY_TRANSACTIONS;
        Map<ProductDay, TransactionAggregate> daily = new HashMap<>();
        Map<ProductMonth, TransactionAggregate> monthly = new HashMap<>();
        Map<String, Object[]> latest = new HashMap<>();
        for (Object[] row : replay.rows.get(tx).values()) {
            String product = (String) row[tx.indexOfSource("codigo_produto")];
            Instant at = (Instant) row[tx.indexOfSource("data_movimentacao")];
            LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
            BigDecimal quantity = (BigDecimal) row[tx.indexOfSource("quantidade")];
            BigDecimal value = quantity.multiply((BigDecimal) row[tx.indexOfSource("custo_unitario")]);
            TransactionAggregate one = new TransactionAggregate(1, quantity, value);
            daily.merge(new ProductDay(product, day), one, CdcGeneratorTest::sum);
            monthly.merge(new ProductMonth(product, YearMonth.from(day)), one, CdcGeneratorTest::sum);
            latest.merge(product, row, (a, b) -> {
                int byTime = ((Instant) a[5]).compareTo((Instant) b[5]);
                return byTime > 0 || (byTime == 0 && (Long) a[0] > (Long) b[0]) ? a : b;
            });
        }
        GeneratorLedger ledger = batch.ledger();
        assertAggregatesEqual(ledger.dailyTransactions(), daily);
        assertAggregatesEqual(ledger.monthlyTransactions(), monthly);
        assertThat(ledger.latestTransactions().keySet()).isEqualTo(latest.keySet());
        latest.forEach((product, row) ->
                assertThat(CdcReplay.rowsEqual(ledger.latestTransactions().get(product), row)).isTrue());

        MirrorTable so = MirrorTable.SALES_ORDERS;
        Map<SalesWeek, BigDecimal[]> weekly = new HashMap<>();
        for (Object[] row : replay.rows.get(so).values()) {
            LocalDate week = LocalDate.ofInstant((Instant) row[so.indexOfSource("data_pedido")], ZoneOffset.UTC)
                    .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            BigDecimal units = (BigDecimal) row[so.indexOfSource("quantidade")];
            BigDecimal revenue = units.multiply((BigDecimal) row[so.indexOfSource("preco_unitario")])
                    .multiply(BigDecimal.ONE.subtract((BigDecimal) row[so.indexOfSource("desconto")]));
            weekly.merge(new SalesWeek((String) row[so.indexOfSource("codigo_produto")],
                    (String) row[so.indexOfSource("regiao")], week),
                    new BigDecimal[] {units, revenue, BigDecimal.ONE},
                    (a, b) -> new BigDecimal[] {a[0].add(b[0]), a[1].add(b[1]), a[2].add(b[2])});
        }
        Map<SalesWeek, WeeklySales> expected = ledger.weeklySales();
        assertThat(expected.keySet()).isEqualTo(weekly.keySet());
        weekly.forEach((key, sums) -> {
            WeeklySales totals = expected.get(key);
            assertThat(totals.units()).isEqualByComparingTo(sums[0]);
            assertThat(totals.revenue()).isEqualByComparingTo(sums[1]);
            assertThat(totals.lines()).isEqualTo(sums[2].longValueExact());
            assertThat(key.weekStart()).isBetween(CONFIG.startDate(), CONFIG.endDate().minusDays(1));
        });
    }

    private static TransactionAggregate sum(TransactionAggregate a, TransactionAggregate b) {
        return new TransactionAggregate(a.count() + b.count(), a.quantity().add(b.quantity()), a.value().add(b.value()));
    }

    private static <K> void assertAggregatesEqual(Map<K, TransactionAggregate> actual, Map<K, TransactionAggregate> expected) {
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        expected.forEach((key, aggregate) -> {
            TransactionAggregate got = actual.get(key);
            assertThat(got.count()).as(key.toString()).isEqualTo(aggregate.count());
            assertThat(got.quantity()).as(key.toString()).isEqualByComparingTo(aggregate.quantity());
            assertThat(got.value()).as(key.toString()).isEqualByComparingTo(aggregate.value());
        });
    }

    @Test
    void patternsLookLikeTheirNames() {
        GeneratorLedger ledger = new CdcGenerator(GeneratorConfig.builder().seed(11).products(60).weeks(104)
                .badFraction(0).build()).stream().ledger();
        // The demand model is fixed at construction; the weekly series it drew are what we check.
        int intermittentSeries = 0;
        int intermittentHigh = 0;
        int smoothSeries = 0;
        int smoothDense = 0;
        for (SeriesProfile series : ledger.series()) {
            int nonZero = 0;
            for (int w = 0; w < series.weeks(); w++) {
                nonZero += series.demand(w) > 0 ? 1 : 0;
            }
            double adi = nonZero == 0 ? Double.POSITIVE_INFINITY : (double) series.weeks() / nonZero;
            switch (series.pattern()) {
                case INTERMITTENT, LUMPY -> {
                    intermittentSeries++;
                    intermittentHigh += adi > 1.32 ? 1 : 0;
                }
                case SMOOTH -> {
                    smoothSeries++;
                    smoothDense += (series.weeks() - nonZero) <= 0.05 * series.weeks() ? 1 : 0;
                }
                default -> { }
            }
        }
        assertThat(intermittentSeries).isGreaterThan(20);
        assertThat(smoothSeries).isGreaterThan(20);
        assertThat((double) intermittentHigh / intermittentSeries).isGreaterThan(0.9);
        assertThat((double) smoothDense / smoothSeries).isGreaterThan(0.9);
        assertThat(ledger.series().stream().map(SeriesProfile::pattern).distinct())
                .containsExactlyInAnyOrder(DemandPattern.values());
    }

    @Test
    void weeklySalesFollowThePlannedDemandOfIntermittentSeries() {
        // Realised weekly units (before amendments) equal the planned demand; amendments are rare,
        // so ADI measured on the ledger's weekly totals still separates the patterns.
        GeneratorLedger ledger = batch.ledger();
        Map<String, Integer> nonZeroWeeks = new HashMap<>();
        ledger.weeklySales().forEach((key, totals) -> {
            if (totals.units().signum() > 0) {
                nonZeroWeeks.merge(key.productCode() + "/" + key.region(), 1, Integer::sum);
            }
        });
        int checked = 0;
        int high = 0;
        for (SeriesProfile series : ledger.series()) {
            if (series.pattern() == DemandPattern.INTERMITTENT || series.pattern() == DemandPattern.LUMPY) {
                int nonZero = nonZeroWeeks.getOrDefault(series.productCode() + "/" + series.region(), 0);
                checked++;
                high += nonZero == 0 || (double) CONFIG.weeks() / nonZero > 1.32 ? 1 : 0;
            }
        }
        assertThat(checked).isPositive();
        assertThat((double) high / checked).isGreaterThan(0.8);
    }

    @Test
    void tombstonesFollowDeletesWhenAsked() {
        GeneratorConfig config = CONFIG.toBuilder().emitTombstones(true).weeks(12).build();
        List<GeneratedMessage> messages = new CdcGenerator(config).generateAll().messages();
        int tombstones = 0;
        for (int i = 0; i < messages.size(); i++) {
            GeneratedMessage message = messages.get(i);
            if (message.isTombstone()) {
                tombstones++;
                GeneratedMessage delete = messages.get(i - 1);
                assertThat(delete.key()).isEqualTo(message.key());
                assertThat(CdcReplay.parse(delete.value()).get("op").asText()).isEqualTo("d");
            }
        }
        assertThat(tombstones).isPositive();
        assertThat(good(batch.messages())).noneMatch(GeneratedMessage::isTombstone);
    }

    @Test
    void ledgerWithoutRowsKeepsTheSameAggregates() {
        GeneratorConfig config = CONFIG.toBuilder().keepFinalRows(false).build();
        GeneratorLedger lean = new CdcGenerator(config).generate(m -> { });
        GeneratorLedger full = batch.ledger();
        assertThat(lean.hasRows()).isFalse();
        assertThatThrownBy(() -> lean.rows(MirrorTable.SALES_ORDERS)).isInstanceOf(IllegalStateException.class);
        assertThat(lean.weeklySales()).isEqualTo(full.weeklySales());
        assertThat(lean.dailyTransactions()).isEqualTo(full.dailyTransactions());
        for (MirrorTable table : MirrorTable.values()) {
            assertThat(lean.rowCount(table)).isEqualTo(full.rowCount(table));
        }
    }

    @Test
    void configRejectsNonsense() {
        assertThatThrownBy(() -> GeneratorConfig.builder().startDate(LocalDate.of(2024, 11, 5)).build())
                .hasMessageContaining("Monday");
        assertThatThrownBy(() -> GeneratorConfig.builder().regions(List.of("XX")).build())
                .hasMessageContaining("regions");
        assertThatThrownBy(() -> GeneratorConfig.builder().badFraction(0.9).build())
                .hasMessageContaining("badFraction");
        assertThat(GeneratorConfig.defaults().warehouses()).containsExactly("CD-SP", "CD-GO", "CD-MG", "CD-EX", "CD-RS", "CD-PR");
        assertThat(GeneratorConfig.defaults().endDate()).isBefore(LocalDate.of(2026, 11, 24));
        assertThat(Set.copyOf(GeneratorConfig.DEFAULT_REGIONS)).isEqualTo(MirrorTable.REGIONS);
    }
}
