package io.flowcast.registry;

import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Decides the fate of a freshly trained candidate: production only when it beats the current
 * production model on the same evaluation origins by a relative margin (so noise between two
 * near-identical models does not churn the stream), archived with the reason otherwise. A
 * candidate whose artifact cannot be loaded back is never promoted.
 *
 * @param margin relative improvement required, e.g. 0.01 = the candidate's error must be at most
 *     99% of production's
 */
public record PromotionPolicy(double margin) {

    /** What to do with the candidate, and why (stored in model_registry.stage_reason). */
    public record Decision(Stage stage, String reason) {
        public boolean promote() {
            return stage == Stage.PRODUCTION;
        }
    }

    public PromotionPolicy {
        if (!(margin >= 0 && margin < 1)) {
            throw new IllegalArgumentException("margin must be in [0, 1), got " + margin);
        }
    }

    /**
     * @param candidateError the candidate's mean error on the evaluation origins
     * @param productionError production's mean error on the same origins; empty when there is no
     *     production model (or it could not be evaluated: see {@code productionProblem})
     * @param artifactProblem empty when the candidate's artifact loaded back; else why not
     */
    public Decision decide(double candidateError, OptionalDouble productionError, String artifactProblem) {
        return decide(candidateError, productionError, "production", artifactProblem);
    }

    /**
     * The same against a named baseline: the production model, or without one the rule-based
     * engine ("rules-1"), which a first router must beat too.
     */
    public Decision decide(double candidateError, OptionalDouble productionError, String baseline,
            String artifactProblem) {
        if (artifactProblem != null && !artifactProblem.isEmpty()) {
            return new Decision(Stage.ARCHIVED, "corrupt artifact: " + artifactProblem);
        }
        if (!Double.isFinite(candidateError)) {
            return new Decision(Stage.ARCHIVED, "candidate error is not finite");
        }
        if (productionError.isEmpty() || !Double.isFinite(productionError.getAsDouble())) {
            return new Decision(Stage.PRODUCTION, String.format(Locale.ROOT,
                    "no comparable production model; candidate error %.4f", candidateError));
        }
        double production = productionError.getAsDouble();
        String figures = String.format(Locale.ROOT, "candidate %.4f vs %s %.4f, margin %.1f%%",
                candidateError, baseline, production, margin * 100);
        if (candidateError <= production * (1 - margin) && candidateError < production) {
            return new Decision(Stage.PRODUCTION, "better: " + figures);
        }
        if (candidateError > production) {
            return new Decision(Stage.ARCHIVED, "worse: " + figures);
        }
        return new Decision(Stage.ARCHIVED, "not better by the margin: " + figures);
    }
}
