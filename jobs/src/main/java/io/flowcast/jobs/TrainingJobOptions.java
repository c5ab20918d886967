package io.flowcast.jobs;

import io.flowcast.config.FlowcastConfig;
import io.flowcast.router.OriginSample;
import io.flowcast.router.RouterParams;
import io.flowcast.training.TrainingOptions;
import java.util.Locale;

/** Typed {@code models.*} options of the TrainingJob (defaults and comments in conf/flowcast.yaml). */
public final class TrainingJobOptions {

    private TrainingJobOptions() {}

    /** Options without the data-dependent parts (training range, drift reference). */
    public static TrainingOptions from(FlowcastConfig config) {
        RouterParams defaults = RouterParams.defaults();
        RouterParams params = new RouterParams(
                config.integer("models.router.rounds"),
                Double.parseDouble(config.string("models.router.eta")),
                config.integer("models.router.max-depth"),
                defaults.subsample(), defaults.colsample(),
                config.integer("models.router.threads"),
                defaults.seed(),
                config.integer("models.router.clusters"),
                Double.parseDouble(config.string("models.router.dbscan-eps")),
                config.integer("models.router.dbscan-min-points"),
                OriginSample.LabelError.valueOf(config.string("models.router.error").toUpperCase(Locale.ROOT)));
        return new TrainingOptions(config.postgres(),
                config.string("models.router.name"),
                config.list("models.router.pool"),
                config.integer("models.training.horizon"),
                config.integer("models.training.origins"),
                config.integer("models.training.min-weeks"),
                null,
                Double.parseDouble(config.string("models.training.promotion-margin")),
                Double.parseDouble(config.string("models.training.drift-level")),
                null,
                params,
                config.string("models.training.promoted-by"));
    }

    public static int parallelism(FlowcastConfig config) {
        return config.integer("models.training.parallelism");
    }

    public static int dropOpenWeeks(FlowcastConfig config) {
        return config.integer("models.training.drop-open-weeks");
    }
}
