package io.flowcast.jobs;

import io.flowcast.config.FlowcastConfig;
import java.io.Serializable;
import java.time.Duration;

/**
 * How long DemandForecastJob keeps per-series and per-line state (keys {@code demand-forecast.*}).
 *
 * @param idleWeeks a series without sales this many weeks leaves state (and the ABC ranking)
 * @param lineStateTtl how long an order line can still be amended or cancelled and correct its week
 * @param cacheTtl TTL of the ml:features:*, ml:class:* and ml:forecast:* Redis keys
 */
public record SeriesStateOptions(int idleWeeks, Duration lineStateTtl, Duration cacheTtl) implements Serializable {

    public static final String IDLE_WEEKS = "demand-forecast.idle-weeks";
    public static final String LINE_STATE_TTL = "demand-forecast.line-state-ttl";
    public static final String CACHE_TTL = "demand-forecast.profile-cache-ttl";

    public static SeriesStateOptions from(FlowcastConfig config) {
        return new SeriesStateOptions(config.integer(IDLE_WEEKS), config.duration(LINE_STATE_TTL), config.duration(CACHE_TTL));
    }
}
