package io.flowcast.aggregate;

import java.time.LocalDate;
import java.time.YearMonth;

/** Redis key layout (DESIGN section 4); one place so that writers and readers agree. */
public final class RedisKeys {

    private RedisKeys() {}

    public static String realtime(String productCode) {
        return "inventory:realtime:" + productCode;
    }

    public static String daily(String productCode, LocalDate day) {
        return "agg:daily:" + productCode + ":" + day;
    }

    public static String monthly(String productCode, YearMonth month) {
        return "agg:monthly:" + productCode + ":" + month;
    }

    public static String features(String productCode, String region) {
        return "ml:features:" + productCode + ":" + region;
    }

    /** Product-level class (ABC), DESIGN's {@code ml:class:{product}}. */
    public static String productClass(String productCode) {
        return "ml:class:" + productCode;
    }

    /** Series-level classes (pattern, XYZ): {@code ml:class:{product}:{region}}. */
    public static String demandClass(String productCode, String region) {
        return "ml:class:" + productCode + ":" + region;
    }

    public static String forecast(String productCode, String region) {
        return "ml:forecast:" + productCode + ":" + region;
    }
}
