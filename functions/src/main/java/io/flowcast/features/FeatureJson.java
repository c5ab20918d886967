package io.flowcast.features;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The stored form of {@link DemandFeatures}: a JSON object with values rounded to 6 significant
 * digits (an infinite ADI, a series without demand, is null), and its SHA-256 content hash, which
 * lets the feature store skip rewriting a vector that did not change (seed 002's deduplication).
 *
 * <p>With inventory KPIs ({@link InventoryKpis}) the object also has {@code kpi_window_weeks,
 * on_hand, stock_value, dio, turnover, service_level, stock_age_days}; an unknown or undefined KPI is null.
 */
public final class FeatureJson {

    private static final MathContext SIGNIFICANT = new MathContext(6, RoundingMode.HALF_UP);

    private FeatureJson() {}

    public static String toJson(DemandFeatures f) {
        return "{\"weeks\":" + f.weeks()
                + ",\"mean\":" + number(f.mean())
                + ",\"cv\":" + number(f.cv())
                + ",\"adi\":" + number(f.adi())
                + ",\"cv2\":" + number(f.cv2())
                + ",\"zero_share\":" + number(f.zeroShare())
                + ",\"trend_strength\":" + number(f.trendStrength())
                + ",\"seasonal_strength\":" + number(f.seasonalStrength())
                + ",\"velocity\":" + number(f.velocity())
                + ",\"quality_score\":" + number(f.qualityScore()) + "}";
    }

    /** The demand features followed by the inventory KPIs of the same week close. */
    public static String toJson(DemandFeatures f, InventoryKpis k) {
        String demand = toJson(f);
        return demand.substring(0, demand.length() - 1)
                + ",\"kpi_window_weeks\":" + k.windowWeeks()
                + ",\"on_hand\":" + number(k.onHand())
                + ",\"stock_value\":" + number(k.stockValue())
                + ",\"dio\":" + number(k.daysInventoryOutstanding())
                + ",\"turnover\":" + number(k.turnover())
                + ",\"service_level\":" + number(k.serviceLevel())
                + ",\"stock_age_days\":" + number(k.stockAgeDays()) + "}";
    }

    public static String contentHash(String json) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    private static String number(Double value) {
        return value == null ? "null" : number(value.doubleValue());
    }

    private static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "null";
        }
        // 6 significant digits of the shortest decimal form, trailing zeros dropped. (String.format
        // builds locale symbols per call: the week-close path's hottest code before this.)
        BigDecimal rounded = BigDecimal.valueOf(value).round(SIGNIFICANT).stripTrailingZeros();
        return rounded.scale() < 0 ? rounded.setScale(0).toPlainString() : rounded.toPlainString();
    }
}
