package io.flowcast.jobs;

import io.flowcast.config.FlowcastConfig;
import java.io.Serializable;
import java.time.Duration;

/**
 * Forecast scoring of DemandForecastJob (keys {@code demand-forecast.accuracy.*}).
 *
 * @param leadWeeks which forecast step is scored (1 = the forecast made the week before)
 * @param window rolling window of MAE / MAPE / R2, in whole weeks
 * @param mapeAlert a product whose MAPE over the window passes this gets an alert row
 * @param minSamples non-zero weeks a product's MAPE needs before it can alert
 */
public record AccuracyOptions(int leadWeeks, Duration window, double mapeAlert, int minSamples) implements Serializable {

    public static final String LEAD_WEEKS = "demand-forecast.accuracy.lead-weeks";
    public static final String WINDOW = "demand-forecast.accuracy.window";
    public static final String MAPE_ALERT = "demand-forecast.accuracy.mape-alert";
    public static final String MIN_SAMPLES = "demand-forecast.accuracy.min-samples";

    public static AccuracyOptions from(FlowcastConfig config) {
        return new AccuracyOptions(config.integer(LEAD_WEEKS), config.duration(WINDOW), config.number(MAPE_ALERT),
                config.integer(MIN_SAMPLES));
    }

    /** Whole weeks in the window (30 days: the 4 weeks ending with the closed week). */
    public int windowWeeks() {
        return (int) Math.max(1, window.toDays() / 7);
    }
}
