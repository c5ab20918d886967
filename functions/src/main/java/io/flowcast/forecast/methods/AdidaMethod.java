package io.flowcast.forecast.methods;

import io.flowcast.forecast.FittedModel;
import io.flowcast.forecast.ForecastMethod;
import io.flowcast.forecast.methods.EtsSpec.Error;
import io.flowcast.forecast.methods.EtsSpec.Season;
import io.flowcast.forecast.methods.EtsSpec.Trend;

/**
 * ADIDA, aggregate-disaggregate intermittent demand approach (Nikolopoulos, Syntetos, Boylan,
 * Petropoulos &amp; Assimakopoulos 2011, JORS 62(3)): sum the series into non-overlapping
 * buckets of k periods, k = the mean inter-demand interval (rounded), forecast the bucket
 * totals with SES and spread the forecast equally over the k periods of the next bucket.
 */
public final class AdidaMethod implements ForecastMethod {
    public static final String NAME = "adida";
    /** Buckets needed to estimate SES on the aggregate; fewer -> mean of the buckets. */
    static final int MIN_BUCKETS_FOR_SES = 6;
    private static final EtsSpec SES = new EtsSpec(Error.A, Trend.N, Season.N);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public FittedModel fit(double[] y, int period) {
        int n = y.length;
        int demands = 0;
        for (double v : y) {
            demands += v != 0 ? 1 : 0;
        }
        if (demands == 0) {
            throw new IllegalArgumentException("no non-zero demand");
        }
        int k = Math.max(1, Math.min(n, (int) Math.round((double) n / demands)));
        int buckets = n / k;
        int offset = n - buckets * k; // drop the oldest remainder so buckets end at the origin
        double[] totals = new double[buckets];
        for (int i = 0; i < buckets; i++) {
            for (int j = 0; j < k; j++) {
                totals[i] += y[offset + i * k + j];
            }
        }
        double[] bucketPath = new double[buckets];
        if (buckets >= MIN_BUCKETS_FOR_SES && !Stats.isConstant(totals)) {
            EtsModel ses = EtsModel.fit(NAME, SES, totals, 1);
            // Re-run SES with the fitted alpha to obtain the in-sample path of bucket forecasts.
            double level = totals[0];
            for (int i = 0; i < buckets; i++) {
                level += ses.alpha() * (totals[i] - level);
                bucketPath[i] = level;
            }
            bucketPath[buckets - 1] = ses.pointForecast(1);
        } else {
            double running = 0;
            for (int i = 0; i < buckets; i++) {
                running += totals[i];
                bucketPath[i] = running / (i + 1);
            }
        }
        double[] path = new double[n];
        java.util.Arrays.fill(path, Double.NaN);
        for (int i = 0; i < buckets; i++) {
            int end = offset + (i + 1) * k - 1;
            int nextEnd = Math.min(n - 1, end + k);
            for (int t = end; t <= nextEnd; t++) {
                path[t] = bucketPath[i] / k;
            }
        }
        return new FlatPathModel(NAME, bucketPath[buckets - 1] / k, y, path, offset + k - 1);
    }
}
