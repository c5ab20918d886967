package io.flowcast.forecast;

/**
 * A forecasting method: fits a model to a clean series (no NaN, already checked by
 * {@link Forecaster}) and returns it. Implementations are stateless and thread-safe.
 */
public interface ForecastMethod {

    /** Registry name, e.g. {@code "ets"}. */
    String name();

    /**
     * Fits the method.
     *
     * @param y observations, oldest first, finite values only
     * @param period seasonal period (1 = non-seasonal)
     * @throws IllegalArgumentException when the series cannot support the method (too short);
     *     {@link Forecaster} turns that into a reported fallback
     */
    FittedModel fit(double[] y, int period);

    /** Smallest series length this method accepts for {@code period}. */
    default int minLength(int period) {
        return 1;
    }
}
