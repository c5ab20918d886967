package io.flowcast.forecast;

/** A model fitted to one series; cheap to query for any horizon and set of interval levels. */
public interface FittedModel {

    /**
     * Point forecasts and prediction intervals.
     *
     * @param horizon number of steps ahead, >= 1
     * @param levels interval coverages in percent (e.g. {80, 95})
     */
    Forecast forecast(int horizon, double[] levels);
}
