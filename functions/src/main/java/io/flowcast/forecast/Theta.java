package io.flowcast.forecast;

/**
 * The Theta method (Assimakopoulos & Nikolopoulos 2000) in the form Hyndman & Billah (2003)
 * proved equivalent and the M4 benchmark uses: simple exponential smoothing with drift equal to
 * half the slope of a linear regression on time,
 * <pre>  forecast_h = SES_n + b/2 * ((h - 1) + 1/alpha - (1 - alpha)^n / alpha)  </pre>
 * applied to the series deseasonalised by classical multiplicative decomposition when a 90%
 * autocorrelation test at the seasonal lag says the series is seasonal (M4's benchmark rule).
 * Intervals are those of SES on the deseasonalised series, reseasonalised.
 */
public final class Theta implements ForecastMethod {

    private static final long serialVersionUID = 1L;

    private final ExponentialSmoothing ses = new ExponentialSmoothing(ExponentialSmoothing.Trend.NONE);

    @Override
    public String name() {
        return "theta";
    }

    @Override
    public int minLength(int period) {
        return 3;
    }

    @Override
    public Forecast forecast(double[] y, int period, int horizon, double level) {
        Seasonality.Decomposition season = Seasonality.multiplicative(y, period);
        double[] adjusted = season.adjust(y);
        int n = adjusted.length;
        double drift = Line.fit(adjusted, n).slope() / 2;
        ExponentialSmoothing.Fit fit = ses.fit(adjusted);
        double alpha = fit.alpha();
        double[] mean = new double[horizon];
        for (int h = 1; h <= horizon; h++) {
            mean[h - 1] = fit.level() + drift * ((h - 1) + 1 / alpha - Math.pow(1 - alpha, n) / alpha);
        }
        Forecast adjustedForecast = Gaussian.interval(name(), mean, fit.sigma(), fit.varianceFactors(horizon), level, false);
        return season.reseasonalize(adjustedForecast, n);
    }
}
