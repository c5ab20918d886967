package io.flowcast.training;

import io.flowcast.registry.Stage;

/**
 * What one training run did.
 *
 * @param version the candidate's registry version
 * @param stage where the candidate ended (production or archived)
 * @param reason why (model_registry.stage_reason)
 * @param candidateError the candidate's error on the evaluation origin
 * @param productionError production's error on the same origin (NaN when there was none)
 * @param series series trained on
 * @param samples backtest samples (series x origins)
 * @param drifted features whose distribution drifted since the production model's training
 * @param handledRequests pending training requests this run handled
 */
public record TrainingOutcome(String modelName, int version, Stage stage, String reason, double candidateError,
        double productionError, int series, int samples, int drifted, int handledRequests) {}
