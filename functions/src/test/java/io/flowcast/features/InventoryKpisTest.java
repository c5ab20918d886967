package io.flowcast.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Hand-computed inventory KPIs and their boundary cases. */
class InventoryKpisTest {

    private static final double NA = Double.NaN;

    @Test
    void handComputedQuarterOfAFourWeekWindow() {
        // 4 weeks, 28 days; closes 60, 50, 40, 50 (mean 50); 28 of 35 ordered units shipped.
        InventoryKpis k = InventoryKpis.compute(4, 40.0, 2.5, new double[] {60, 50, 40, 50}, 28, 35);
        assertThat(k.stockValue()).isEqualTo(100.0);
        assertThat(k.serviceLevel()).isCloseTo(0.8, within(1e-12));
        // 1 unit shipped a day: 40 units on hand last 40 days.
        assertThat(k.daysInventoryOutstanding()).isCloseTo(40.0, within(1e-12));
        // 28 units in 4 weeks = 364 a year, over 50 on hand on average.
        assertThat(k.turnover()).isCloseTo(364.0 / 50, within(1e-12));
        assertThat(k.stockKnown()).isTrue();
    }

    @Test
    void noSalesLeavesDioAndServiceLevelUndefinedButTurnoverZero() {
        InventoryKpis k = InventoryKpis.compute(13, 30.0, 1.0, new double[] {30, 30}, 0, 0);
        assertThat(k.daysInventoryOutstanding()).as("infinite cover is not a number").isNull();
        assertThat(k.serviceLevel()).as("nothing ordered").isNull();
        assertThat(k.turnover()).isZero();
        assertThat(k.stockValue()).isEqualTo(30.0);
    }

    @Test
    void orderedButNothingShippedIsAZeroServiceLevel() {
        InventoryKpis k = InventoryKpis.compute(2, 0.0, 1.0, new double[] {0, 0}, 0, 12);
        assertThat(k.serviceLevel()).isZero();
        assertThat(k.daysInventoryOutstanding()).isNull();
        assertThat(k.turnover()).as("no stock on average: infinite turnover").isNull();
    }

    @Test
    void emptyStockWithShipmentsHasZeroDays() {
        InventoryKpis k = InventoryKpis.compute(1, 0.0, 3.0, new double[] {0}, 7, 9);
        assertThat(k.daysInventoryOutstanding()).isZero();
        assertThat(k.stockValue()).isZero();
    }

    @Test
    void unknownStockMakesStockKpisNullNotZero() {
        InventoryKpis k = InventoryKpis.compute(3, null, null, new double[] {NA, NA, NA}, 6, 8);
        assertThat(k.stockKnown()).isFalse();
        assertThat(k.onHand()).isNull();
        assertThat(k.stockValue()).isNull();
        assertThat(k.daysInventoryOutstanding()).isNull();
        assertThat(k.turnover()).isNull();
        assertThat(k.serviceLevel()).as("comes from the order lines alone").isEqualTo(0.75);
    }

    @Test
    void turnoverAveragesOnlyTheWeeksWithStockDataAndStockValueNeedsACost() {
        // Stock known from the third week: mean of 20 and 40.
        InventoryKpis k = InventoryKpis.compute(4, 40.0, null, new double[] {NA, NA, 20, 40}, 15, 15);
        assertThat(k.turnover()).isCloseTo(15 * 13.0 / 30, within(1e-12));
        assertThat(k.stockValue()).isNull();
        assertThat(k.daysInventoryOutstanding()).isCloseTo(40 / (15 / 28.0), within(1e-12));
    }

    @Test
    void rejectsAnEmptyWindow() {
        assertThatThrownBy(() -> InventoryKpis.compute(0, 1.0, 1.0, new double[0], 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void featureJsonCarriesTheKpisAndQualityReflectsMissingStock() {
        DemandFeatures demand = FeatureExtractor.extract(new double[] {5, 5, 5, 5});
        InventoryKpis known = InventoryKpis.compute(4, 40.0, 2.5, new double[] {60, 50, 40, 50}, 28, 35);
        InventoryKpis unknown = InventoryKpis.compute(4, null, null, new double[] {NA, NA, NA, NA}, 28, 35);

        assertThat(FeatureExtractor.withInventory(demand, known).qualityScore()).isEqualTo(demand.qualityScore());
        assertThat(FeatureExtractor.withInventory(demand, unknown).qualityScore())
                .isEqualTo(demand.qualityScore() * FeatureExtractor.MISSING_STOCK_QUALITY);
        assertThat(FeatureJson.toJson(demand, known)).endsWith(",\"kpi_window_weeks\":4,\"on_hand\":40,\"stock_value\":100"
                + ",\"dio\":40,\"turnover\":7.28,\"service_level\":0.8,\"stock_age_days\":null}");
        assertThat(FeatureJson.toJson(demand, unknown)).endsWith(
                ",\"on_hand\":null,\"stock_value\":null,\"dio\":null,\"turnover\":null,\"service_level\":0.8,\"stock_age_days\":null}");
        assertThat(FeatureJson.toJson(demand, known)).startsWith(FeatureJson.toJson(demand).replace("}", ""));
    }

    @Test
    void anOldStockReadingLowersTheQualityDownToThatOfMissingStock() {
        double[] closing = {40};
        assertThat(FeatureExtractor.stockFreshness(InventoryKpis.compute(1, 40.0, 1.0, closing, 1, 1, 2.5))).isEqualTo(1.0);
        assertThat(FeatureExtractor.stockFreshness(InventoryKpis.compute(1, 40.0, 1.0, closing, 1, 1, 7.0))).isEqualTo(1.0);
        // Halfway between 7 and 35 days: halfway between 1 and 0.5.
        assertThat(FeatureExtractor.stockFreshness(InventoryKpis.compute(1, 40.0, 1.0, closing, 1, 1, 21.0))).isEqualTo(0.75);
        assertThat(FeatureExtractor.stockFreshness(InventoryKpis.compute(1, 40.0, 1.0, closing, 1, 1, 90.0))).isEqualTo(0.5);
        assertThat(FeatureExtractor.stockFreshness(InventoryKpis.compute(1, null, null, new double[] {NA}, 1, 1, 3.0)))
                .isEqualTo(FeatureExtractor.MISSING_STOCK_QUALITY);
        InventoryKpis aged = InventoryKpis.compute(1, 40.0, 1.0, closing, 1, 1, 21.0);
        assertThat(aged.stockAgeDays()).isEqualTo(21.0);
        assertThat(FeatureJson.toJson(FeatureExtractor.extract(new double[] {5, 5}), aged)).endsWith(",\"stock_age_days\":21}");
    }
}
