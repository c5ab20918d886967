package io.flowcast.forecast;

/**
 * A non-seasonal method applied to the series deseasonalised by classical multiplicative
 * decomposition when the M4 seasonality test says so, and reseasonalised afterwards: how the M4
 * benchmarks ran SES, Holt and damped trend (Makridakis et al. 2020).
 */
public final class Deseasonalized implements ForecastMethod {

    private static final long serialVersionUID = 1L;

    private final ForecastMethod method;

    public Deseasonalized(ForecastMethod method) {
        this.method = method;
    }

    @Override
    public String name() {
        return method.name();
    }

    @Override
    public int minLength(int period) {
        return method.minLength(period);
    }

    @Override
    public Forecast forecast(double[] y, int period, int horizon, double level) {
        Seasonality.Decomposition season = Seasonality.multiplicative(y, period);
        return season.reseasonalize(method.forecast(season.adjust(y), period, horizon, level), y.length);
    }
}
