package io.flowcast.forecast;

import io.flowcast.classify.DemandClassifier;
import io.flowcast.features.FeatureExtractor;
import java.util.ArrayList;
import java.util.List;

/**
 * The rule-based {@code auto} method, until a trained router replaces it:
 * <ol>
 *   <li>gaps (NaN) are filled by linear interpolation; an empty, all-zero or constant history
 *       gets a flat forecast, a history shorter than 4 the naive forecast, each with a note;</li>
 *   <li>intermittent and lumpy series (Syntetos-Boylan ADI >= 1.32) get SBA;</li>
 *   <li>the others get whichever of SES, damped trend, Theta, their median combination (and
 *       seasonal naive for seasonal series) forecast a held-out last stretch best (MAE), refitted
 *       on the whole history; histories too short to hold anything out get the combination.</li>
 * </ol>
 * It never throws on a finite-or-NaN input; the chosen method and the reason are in the note.
 */
public final class AutoForecaster implements ForecastMethod {

    private static final long serialVersionUID = 1L;

    static final int MIN_MODEL_LENGTH = 4;

    private final ForecastMethod naive = new SimpleMethods.Naive();
    private final ForecastMethod sba = new Intermittent(Intermittent.Variant.SBA);
    private final ForecastMethod ensemble = new Ensemble();
    private final List<ForecastMethod> candidates = List.of(
            new Deseasonalized(new ExponentialSmoothing(ExponentialSmoothing.Trend.NONE)),
            new Deseasonalized(new ExponentialSmoothing(ExponentialSmoothing.Trend.DAMPED)),
            new Theta(),
            ensemble);
    private final ForecastMethod seasonalNaive = new SimpleMethods.SeasonalNaive();

    @Override
    public String name() {
        return "auto";
    }

    @Override
    public int minLength(int period) {
        return 0;
    }

    @Override
    public Forecast forecast(double[] raw, int period, int horizon, double level) {
        double[] y = Gaps.fill(raw);
        int n = y.length;
        if (n == 0) {
            return Forecast.flat(name(), 0, 0, horizon, level, "empty history: zero forecast");
        }
        if (isConstant(y)) {
            return Forecast.flat(name(), y[0], 0, horizon, level,
                    y[0] == 0 ? "all-zero history: zero forecast" : "constant history: flat forecast");
        }
        if (n < MIN_MODEL_LENGTH) {
            return naive.forecast(y, period, horizon, level).withMethod(name(), "short history (" + n + "): naive");
        }
        DemandClassifier.Pattern pattern = DemandClassifier.pattern(FeatureExtractor.extract(y));
        if (pattern == DemandClassifier.Pattern.INTERMITTENT || pattern == DemandClassifier.Pattern.LUMPY) {
            return sba.forecast(y, period, horizon, level).withMethod(name(), pattern.name().toLowerCase() + " demand: sba");
        }
        List<ForecastMethod> pool = new ArrayList<>(candidates);
        if (Seasonality.isSeasonal(y, period)) {
            pool.add(seasonalNaive);
        }
        int holdout = Math.min(horizon, n / 3);
        int train = n - holdout;
        if (holdout < 1 || train < MIN_MODEL_LENGTH + 2) {
            return ensemble.forecast(y, period, horizon, level).withMethod(name(), "history too short to validate: ensemble");
        }
        double[] head = java.util.Arrays.copyOf(y, train);
        double[] tail = java.util.Arrays.copyOfRange(y, train, n);
        ForecastMethod best = ensemble;
        double bestError = Double.POSITIVE_INFINITY;
        for (ForecastMethod method : pool) {
            if (train < method.minLength(period)) {
                continue;
            }
            double error = Accuracy.mae(tail, method.forecast(head, period, holdout, level).mean());
            if (error < bestError) {
                bestError = error;
                best = method;
            }
        }
        return best.forecast(y, period, horizon, level)
                .withMethod(name(), "validated on last " + holdout + ": " + best.name());
    }

    private static boolean isConstant(double[] y) {
        for (double v : y) {
            if (v != y[0]) {
                return false;
            }
        }
        return true;
    }
}
