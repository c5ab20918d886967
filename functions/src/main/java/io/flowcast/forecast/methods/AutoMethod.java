package io.flowcast.forecast.methods;

import io.flowcast.forecast.Combination;
import io.flowcast.forecast.DemandClass;
import io.flowcast.forecast.FittedModel;
import io.flowcast.forecast.Forecast;
import io.flowcast.forecast.ForecastMethod;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rule-based chooser. The Syntetos-Boylan class picks the candidate pool (sporadic demand ->
 * Croston family and friends, otherwise the exponential smoothing / Theta family). Within the
 * pool, each candidate is scored on a short rolling-origin validation over the last
 * {@code origins x horizon} observations (scaled MAE, i.e. MASE on the validation window) and
 * the best {@code topK} are averaged. Averaging the few best rather than taking the single
 * winner hedges against the noise of a short validation window (Kourentzes, Barrow &amp;
 * Petropoulos 2019, "Another look at forecast selection and combination", IJPE 209).
 */
public final class AutoMethod implements ForecastMethod {
    public static final String NAME = "auto";
    public static final int DEFAULT_ORIGINS = 4;
    public static final int DEFAULT_TOP_K = 2;
    private static final double[] NO_LEVELS = {};
    /** Horizons of recent history inspected by the obsolescence rule. */
    static final int OBSOLETE_WINDOW_HORIZONS = 3;
    /** A validation fit needs at least this many observations before the origin. */
    static final int MIN_TRAIN_FOR_VALIDATION = 8;

    private final String name;
    private final List<ForecastMethod> regular;
    private final List<ForecastMethod> sporadic;
    private final int origins;
    private final int topK;

    public AutoMethod(List<ForecastMethod> regular, List<ForecastMethod> sporadic, int origins, int topK) {
        this(NAME, regular, sporadic, origins, topK);
    }

    /** A variant under another name, to compare choosers side by side in one backtest. */
    public AutoMethod(String name, List<ForecastMethod> regular, List<ForecastMethod> sporadic, int origins, int topK) {
        this.name = name;
        this.regular = List.copyOf(regular);
        this.sporadic = List.copyOf(sporadic);
        this.origins = origins;
        this.topK = topK;
    }

    /** The same chooser under {@code newName} with {@code candidate} added to the regular pool. */
    public AutoMethod withRegularCandidate(String newName, ForecastMethod candidate) {
        List<ForecastMethod> pool = new ArrayList<>(regular);
        pool.add(candidate);
        return new AutoMethod(newName, pool, sporadic, origins, topK);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public FittedModel fit(double[] y, int period) {
        double[] series = y.clone();
        List<ForecastMethod> pool = DemandClass.of(series).sporadic() ? sporadic : regular;
        // Selection needs the horizon, so it happens when the forecast is requested.
        return (horizon, levels) -> forecast(series, period, pool, horizon, levels);
    }

    private Forecast forecast(double[] y, int period, List<ForecastMethod> pool, int horizon, double[] levels) {
        if (looksObsolete(y, horizon)) {
            // Demand has stopped for longer than any earlier gap and at least a horizon: forecast
            // zero, the limit TSB decays to (Teunter, Syntetos & Babai 2011), without its lag.
            return new NaiveMethod().fit(y, period).forecast(horizon, levels).relabel(name, "obsolete: zero");
        }
        List<ForecastMethod> usable = pool.stream().filter(m -> y.length >= m.minLength(period)).toList();
        if (usable.isEmpty()) {
            throw new IllegalArgumentException("series too short for every auto candidate");
        }
        double[] scores = validationScores(y, period, usable, horizon);
        Integer[] order = new Integer[usable.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
        List<Forecast> chosen = new ArrayList<>();
        List<String> names = new ArrayList<>();
        Map<String, Forecast> finalFits = new HashMap<>();
        for (Integer i : order) {
            if (chosen.size() == topK) {
                break;
            }
            try {
                Forecast f = forecastReusing(usable.get(i), y, period, horizon, levels, finalFits);
                if (allFinite(f.mean())) {
                    chosen.add(f);
                    names.add(usable.get(i).name());
                }
            } catch (IllegalArgumentException unfit) {
                // this candidate cannot model the full series; the next-ranked one is used
            }
        }
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("no auto candidate could be fitted");
        }
        return Combination.combine(name, chosen, Combination.Rule.MEAN).withDetail(String.join("+", names));
    }

    /**
     * True when the series ends in a run of zeros of at least a horizon that is longer than
     * every earlier run, or that follows at most one demand in the last
     * {@link #OBSOLETE_WINDOW_HORIZONS} horizons (a blip in a dead series).
     */
    static boolean looksObsolete(double[] y, int horizon) {
        int n = y.length;
        int trailing = 0;
        while (trailing < n && y[n - 1 - trailing] == 0) {
            trailing++;
        }
        if (trailing == n || trailing < horizon) {
            return false;
        }
        int longestEarlier = 0;
        int run = 0;
        for (int t = 0; t < n - trailing; t++) {
            run = y[t] == 0 ? run + 1 : 0;
            longestEarlier = Math.max(longestEarlier, run);
        }
        int window = Math.min(n, OBSOLETE_WINDOW_HORIZONS * horizon);
        int recentDemands = 0;
        for (int t = n - window; t < n; t++) {
            recentDemands += y[t] != 0 ? 1 : 0;
        }
        return trailing > longestEarlier || recentDemands <= 1;
    }

    /**
     * Forecast of {@code method} on {@code y}, memoised per series cut in {@code fits}. The
     * ensemble candidate is assembled from its members' memoised forecasts, so ETS, Theta and
     * damped are fitted once per cut instead of twice (same numbers as fitting the ensemble).
     */
    private static Forecast forecastReusing(ForecastMethod method, double[] y, int period, int horizon,
            double[] levels, Map<String, Forecast> fits) {
        Forecast known = fits.get(method.name());
        if (known != null) {
            return known;
        }
        Forecast f;
        if (method instanceof EnsembleMethod ensemble) {
            List<Forecast> members = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (ForecastMethod member : ensemble.members()) {
                if (y.length >= member.minLength(period)) {
                    members.add(forecastReusing(member, y, period, horizon, levels, fits));
                    names.add(member.name());
                }
            }
            if (members.isEmpty()) {
                throw new IllegalArgumentException("no ensemble member can be fitted");
            }
            f = EnsembleMethod.combine(members, names);
        } else {
            f = method.fit(y, period).forecast(horizon, levels);
        }
        fits.put(method.name(), f);
        return f;
    }

    /** Mean scaled absolute error per candidate over the validation origins (0 when none fit). */
    private double[] validationScores(double[] y, int period, List<ForecastMethod> candidates, int horizon) {
        double[] scores = new double[candidates.size()];
        int n = y.length;
        int used = 0;
        for (int o = origins; o >= 1; o--) {
            int trainEnd = n - o * horizon;
            if (trainEnd < MIN_TRAIN_FOR_VALIDATION) {
                continue;
            }
            double[] train = Arrays.copyOf(y, trainEnd);
            double scale = scale(train);
            Map<String, Forecast> originFits = new HashMap<>();
            for (int c = 0; c < candidates.size(); c++) {
                ForecastMethod method = candidates.get(c);
                double error;
                try {
                    error = trainEnd >= method.minLength(period)
                            ? scaledError(forecastReusing(method, train, period, horizon, NO_LEVELS, originFits), y, trainEnd, horizon, scale)
                            : Double.POSITIVE_INFINITY;
                } catch (IllegalArgumentException unfit) {
                    error = Double.POSITIVE_INFINITY;
                }
                scores[c] += Double.isFinite(error) ? error : Double.POSITIVE_INFINITY;
            }
            used++;
        }
        if (used == 0) {
            Arrays.fill(scores, 0); // no validation possible: keep the pool's order of preference
        }
        return scores;
    }

    private static double scaledError(Forecast f, double[] y, int trainEnd, int horizon, double scale) {
        double sum = 0;
        for (int k = 0; k < horizon; k++) {
            sum += Math.abs(y[trainEnd + k] - f.meanAt(k));
        }
        return sum / horizon / scale;
    }

    /** In-sample MAE of the one-step naive forecast (MASE scale), or mean |y| if that is 0. */
    private static double scale(double[] train) {
        double sum = 0;
        for (int t = 1; t < train.length; t++) {
            sum += Math.abs(train[t] - train[t - 1]);
        }
        double mae = sum / Math.max(train.length - 1, 1);
        if (mae > 0) {
            return mae;
        }
        double level = 0;
        for (double v : train) {
            level += Math.abs(v);
        }
        return level > 0 ? level / train.length : 1;
    }

    private static boolean allFinite(double[] values) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }
}
