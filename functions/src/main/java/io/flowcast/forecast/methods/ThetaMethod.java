package io.flowcast.forecast.methods;

import io.flowcast.forecast.FittedModel;
import io.flowcast.forecast.ForecastMethod;
import io.flowcast.forecast.methods.EtsSpec.Error;
import io.flowcast.forecast.methods.EtsSpec.Season;
import io.flowcast.forecast.methods.EtsSpec.Trend;

/**
 * Theta method of Assimakopoulos &amp; Nikolopoulos (2000), "The theta model: a decomposition
 * approach to forecasting", IJF 16(4), in the equivalent form shown by Hyndman &amp; Billah
 * (2003), IJF 19(2): simple exponential smoothing with drift equal to half the slope of the
 * linear regression on time, y_{n+h} = l_n + b/2 * ((h-1) + (1 - (1-alpha)^n) / alpha). As in
 * the M4 benchmark, the series is first divided by classical multiplicative seasonal indices when
 * the 90% autocorrelation test at lag m says so; intervals are those of the SES part.
 */
public final class ThetaMethod implements ForecastMethod {
    public static final String NAME = "theta";
    static final int MIN_LENGTH = 4;
    private static final EtsSpec SES = new EtsSpec(Error.A, Trend.N, Season.N);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int minLength(int period) {
        return MIN_LENGTH;
    }

    @Override
    public FittedModel fit(double[] y, int period) {
        if (y.length < MIN_LENGTH) {
            throw new IllegalArgumentException("theta needs at least " + MIN_LENGTH + " observations");
        }
        Seasonality.Adjustment adjustment = Seasonality.adjust(y, period, Seasonality.MIN_CYCLES_FOR_TEST);
        double[] x = adjustment.adjusted();
        int n = x.length;
        EtsModel ses = EtsModel.fit(NAME, SES, x, 1);
        double alpha = ses.alpha();
        double halfSlope = Stats.linearTrend(x, 0, n)[1] / 2;
        double driftOffset = (1 - Math.pow(1 - alpha, n)) / alpha;
        return new GaussianModel(NAME, new GaussianModel.StepDistribution() {
            @Override
            public double mean(int step) {
                return (ses.pointForecast(step) + halfSlope * ((step - 1) + driftOffset))
                        * adjustment.indexAt(n + step - 1);
            }

            @Override
            public double sd(int step) {
                return ses.forecastSd(step) * adjustment.indexAt(n + step - 1);
            }
        });
    }
}
