package io.flowcast.training;

import io.flowcast.router.OriginSample;
import io.flowcast.router.RouterParams;
import io.flowcast.sinks.PostgresOptions;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * What one TrainingJob run does (conf/flowcast.yaml, section {@code training}).
 *
 * @param postgres where weekly_sales and the registry live
 * @param modelName registry name of the router (model_registry.name)
 * @param pool methods the router weighs
 * @param horizon weeks per backtest origin
 * @param origins rolling origins per series; origin 1 is the evaluation origin of candidate vs production
 * @param minWeeks series shorter than this (after the origins are cut) are left out
 * @param trainingTo last week used (inclusive); null = every closed week (the latest week in
 *     weekly_sales is left out, it may still be open)
 * @param margin relative improvement a candidate needs over production to be promoted
 * @param driftLevel KS significance level for drift
 * @param referenceTo training_to of the production model (drift reference); null when none
 * @param params router hyper-parameters
 * @param promotedBy recorded as promoted_by
 */
public record TrainingOptions(PostgresOptions postgres, String modelName, List<String> pool, int horizon, int origins,
        int minWeeks, LocalDate trainingTo, double margin, double driftLevel, LocalDate referenceTo,
        RouterParams params, String promotedBy) implements Serializable {

    private static final long serialVersionUID = 1L;

    public TrainingOptions {
        pool = List.copyOf(pool);
        if (horizon < 1 || origins < 2 || minWeeks < 2) {
            throw new IllegalArgumentException("need horizon >= 1, origins >= 2, min-weeks >= 2");
        }
    }

    public TrainingOptions withReference(LocalDate to, LocalDate referenceWeek) {
        return new TrainingOptions(postgres, modelName, pool, horizon, origins, minWeeks, to, margin, driftLevel,
                referenceWeek, params, promotedBy);
    }

    public OriginSample.LabelError labelError() {
        return params.labelError();
    }
}
