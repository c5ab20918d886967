package io.flowcast.forecast;

/**
 * Naive2 of the M4 competition: the naive forecast of the series deseasonalised by classical
 * multiplicative decomposition (when the seasonality test passes), reseasonalised. The OWA
 * measure is relative to it.
 */
public final class Naive2 implements ForecastMethod {

    private static final long serialVersionUID = 1L;

    private final SimpleMethods.Naive naive = new SimpleMethods.Naive();

    @Override
    public String name() {
        return "naive2";
    }

    @Override
    public Forecast forecast(double[] y, int period, int horizon, double level) {
        Seasonality.Decomposition season = Seasonality.multiplicative(y, period);
        Forecast f = naive.forecast(season.adjust(y), period, horizon, level);
        return season.reseasonalize(f, y.length).withMethod(name(), null);
    }
}
