package io.flowcast.features;

import io.flowcast.forecast.DemandClass;
import io.flowcast.forecast.Weeks;
import io.flowcast.forecast.methods.Seasonality;
import io.flowcast.forecast.methods.Stats;
import java.util.Arrays;

/** Computes {@link DemandFeatures} from weekly units, oldest first. Pure and allocation-light. */
public final class FeatureExtractor {

    /** Seasonal period of weekly data. */
    public static final int SEASON = Weeks.SEASON;
    /** Window of "recent" demand for velocity. */
    public static final int RECENT_WEEKS = 4;
    /** Complete history: two years (seed 003's context length). */
    public static final int FULL_HISTORY = Weeks.CONTEXT;
    /** A week is an outlier when it is further than this many scaled MADs from the median. */
    static final double OUTLIER_MADS = 5.0;
    /** Scales the median absolute deviation to a standard deviation under normality. */
    private static final double MAD_TO_SIGMA = 1.4826;

    /**
     * Quality factor of a vector without stock data. The vector has two groups of features, the
     * demand shape (from the order lines) and the inventory position (from the stock level); a
     * model reading it has half the picture when the second is missing.
     */
    public static final double MISSING_STOCK_QUALITY = 0.5;
    /** A stock reading up to this many days old at the week close is fresh (the warehouse counts weekly). */
    public static final double FRESH_STOCK_DAYS = 7;
    /** ... and from this age on it is worth no more than a missing one. */
    public static final double STALE_STOCK_DAYS = 35;

    private FeatureExtractor() {}

    /**
     * Freshness factor of the inventory position: 1 for a stock reading up to
     * {@link #FRESH_STOCK_DAYS} old at the week close (or of unknown age), falling linearly to
     * {@link #MISSING_STOCK_QUALITY} at {@link #STALE_STOCK_DAYS} and staying there;
     * {@link #MISSING_STOCK_QUALITY} when the stock is unknown.
     */
    public static double stockFreshness(InventoryKpis kpis) {
        if (!kpis.stockKnown()) {
            return MISSING_STOCK_QUALITY;
        }
        Double age = kpis.stockAgeDays();
        if (age == null || age <= FRESH_STOCK_DAYS) {
            return 1.0;
        }
        double stale = Math.min(1.0, (age - FRESH_STOCK_DAYS) / (STALE_STOCK_DAYS - FRESH_STOCK_DAYS));
        return 1.0 - stale * (1.0 - MISSING_STOCK_QUALITY);
    }

    /**
     * The demand features with the quality score of the whole vector: the demand quality (see
     * {@link #extract}) x the freshness of the inventory position ({@link #stockFreshness}).
     */
    public static DemandFeatures withInventory(DemandFeatures f, InventoryKpis kpis) {
        double quality = f.qualityScore() * stockFreshness(kpis);
        return new DemandFeatures(f.weeks(), f.mean(), f.cv(), f.adi(), f.cv2(), f.zeroShare(), f.trendStrength(),
                f.seasonalStrength(), f.velocity(), quality);
    }

    public static DemandFeatures extract(double[] units) {
        int n = units.length;
        if (n == 0) {
            return new DemandFeatures(0, 0, 0, Double.POSITIVE_INFINITY, 0, 1, 0, 0, 0, 0);
        }
        double sum = 0;
        double sumSq = 0;
        int nonZero = 0;
        for (double u : units) {
            sum += u;
            sumSq += u * u;
            if (u != 0) {
                nonZero++;
            }
        }
        double mean = sum / n;
        double std = Math.sqrt(Math.max(0, sumSq / n - mean * mean));
        double cv = mean == 0 ? 0 : std / mean;
        // One definition of the Syntetos-Boylan inputs, shared with the engine's model pools.
        double adi = DemandClass.adi(units);
        double cv2 = DemandClass.cv2(units);
        double zeroShare = 1.0 - (double) nonZero / n;
        double trendStrength = linearTrendStrength(units);
        double seasonalStrength = n >= 2 * SEASON ? seasonalStrength(units) : 0;
        double recent = 0;
        int recentWeeks = Math.min(RECENT_WEEKS, n);
        for (int i = n - recentWeeks; i < n; i++) {
            recent += units[i];
        }
        double velocity = mean == 0 ? 0 : (recent / recentWeeks) / mean;
        double completeness = Math.min(1.0, (double) n / FULL_HISTORY);
        double quality = completeness * (1.0 - outlierShare(units));
        return new DemandFeatures(n, mean, cv, adi, cv2, zeroShare, trendStrength, seasonalStrength, velocity, quality);
    }

    /** R^2 of an ordinary least-squares line through (t, y). */
    static double linearTrendStrength(double[] y) {
        int n = y.length;
        if (n < 3) {
            return 0;
        }
        // OLS on t = 1..n: {intercept, slope}.
        double[] line = Stats.linearTrend(y, 0, n);
        double yMean = Arrays.stream(y).average().orElse(0);
        double total = 0;
        double unexplained = 0;
        for (int t = 0; t < n; t++) {
            double residual = y[t] - (line[0] + line[1] * (t + 1));
            total += (y[t] - yMean) * (y[t] - yMean);
            unexplained += residual * residual;
        }
        return total == 0 ? 0 : Math.max(0, 1 - unexplained / total);
    }

    /**
     * Seasonal strength in the sense of Wang, Smith & Hyndman (2006): 1 - Var(R) / Var(S + R) of a
     * classical additive decomposition, trend = centred 2x52 moving average, seasonal indices =
     * mean detrended value per position in the 52-week cycle (centred to sum to zero).
     */
    static double seasonalStrength(double[] y) {
        int n = y.length;
        double[] trend = Seasonality.centredMovingAverage(y, n, SEASON);
        double[] index = Seasonality.additiveIndices(y, n, SEASON);
        int from = SEASON / 2;
        int to = n - SEASON / 2; // exclusive: where the moving average is defined
        double[] detrended = new double[to - from];
        double[] remainder = new double[to - from];
        for (int t = from; t < to; t++) {
            detrended[t - from] = y[t] - trend[t];
            remainder[t - from] = detrended[t - from] - index[t % SEASON];
        }
        double varDetrended = variance(detrended);
        return varDetrended == 0 ? 0 : Math.max(0, 1 - variance(remainder) / varDetrended);
    }

    /** Share of weeks further than {@link #OUTLIER_MADS} robust standard deviations from the median. */
    static double outlierShare(double[] y) {
        double[] sorted = y.clone();
        Arrays.sort(sorted);
        double median = median(sorted);
        double[] deviations = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            deviations[i] = Math.abs(y[i] - median);
        }
        Arrays.sort(deviations);
        double sigma = MAD_TO_SIGMA * median(deviations);
        if (sigma == 0) {
            return 0;
        }
        int outliers = 0;
        for (double v : y) {
            if (Math.abs(v - median) > OUTLIER_MADS * sigma) {
                outliers++;
            }
        }
        return (double) outliers / y.length;
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double variance(double[] x) {
        double mean = Arrays.stream(x).average().orElse(0);
        double s = 0;
        for (double v : x) {
            s += (v - mean) * (v - mean);
        }
        return s / x.length;
    }
}
