package io.flowcast.jobs;

import io.flowcast.config.FlowcastConfig;
import java.io.Serializable;
import java.time.Duration;

/**
 * Validation and watermarks of DemandForecastJob's CDC input (keys {@code demand-forecast.*};
 * defaults and comments in conf/flowcast.yaml).
 *
 * @param maxFutureSkew how far a business timestamp may pass the source commit time
 * @param outOfOrderness watermark delay over order times (and stock times)
 * @param idleness an input partition without records stops holding the watermark back after this
 */
public record EventTimeOptions(Duration maxFutureSkew, Duration outOfOrderness, Duration idleness) implements Serializable {

    public static final String MAX_FUTURE_SKEW = "demand-forecast.max-future-skew";
    public static final String OUT_OF_ORDERNESS = "demand-forecast.out-of-orderness";
    public static final String IDLENESS = "demand-forecast.idleness";

    public static EventTimeOptions from(FlowcastConfig config) {
        return new EventTimeOptions(config.duration(MAX_FUTURE_SKEW), config.duration(OUT_OF_ORDERNESS), config.duration(IDLENESS));
    }
}
