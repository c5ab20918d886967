package io.flowcast.forecast.methods;

import io.flowcast.forecast.FittedModel;
import io.flowcast.forecast.Forecast;
import io.flowcast.forecast.Intervals;
import io.flowcast.forecast.methods.EtsSpec.Season;
import io.flowcast.forecast.methods.EtsSpec.Trend;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.hipparchus.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * Maximum-likelihood fit of one ETS form (Hyndman et al. 2002; 2008 ch. 2, 5).
 *
 * <p>State recursions use the error-correction form with e_t = y_t - mu_t, which gives the
 * same states for additive and multiplicative errors (2008, table 2.3); only the likelihood
 * differs: additive n log(sum e^2), multiplicative n log(sum (e/mu)^2) + 2 sum log|mu|
 * (2002, eq. 5 and section 3). Smoothing parameters and the initial level/trend are optimised
 * with Nelder-Mead; seasonal initial states come from a classical decomposition of the first
 * cycles (the 2002 paper's heuristic) and are counted as parameters in the AICc as R does.
 */
public final class EtsModel implements FittedModel {

    // "Usual" admissible region of Hyndman et al. (2008) section 5.2 (R's forecast::ets bounds).
    static final double PARAM_LOWER = 1e-4;
    static final double PARAM_UPPER = 0.9999;
    static final double PHI_LOWER = 0.8;
    static final double PHI_UPPER = 0.98;
    /** Observations used to initialise level and trend by regression (Hyndman et al. 2002). */
    static final int INIT_REGRESSION_POINTS = 10;
    static final int MAX_EVALUATIONS = 2_000;
    /** Nelder-Mead restarted from its optimum with a fresh simplex, against premature collapse. */
    static final int OPTIMISER_ROUNDS = 2;
    static final double RELATIVE_TOLERANCE = 1e-6;
    static final double ABSOLUTE_TOLERANCE = 1e-12;
    static final double START_ALPHA = 0.2;
    static final double START_BETA_SHARE = 0.1;
    static final double START_GAMMA_SHARE = 0.05;
    static final double START_PHI = 0.978;
    // Initial Nelder-Mead simplex: steps for the smoothing parameters, and for l0 / b0 as a share
    // of the series' standard deviation (the states live on the data's scale).
    static final double ALPHA_STEP = 0.1;
    static final double SMALL_PARAM_STEP = 0.02;
    static final double LEVEL_STEP_SHARE = 0.2;
    static final double TREND_STEP_SHARE = 0.02;
    static final int LOG_BATCH = 16;
    /** Floor of the simplex scale for (near-)constant series. */
    static final double MIN_RELATIVE_SCALE = 1e-8;
    static final double PRODUCT_LIMIT = 1e250;
    /** Returned for inadmissible parameters so Nelder-Mead walks back into the region. */
    static final double INADMISSIBLE = 1e30;
    /** Largest seasonal period with seasonal ETS; R's ets() refuses m > 24 likewise. */
    public static final int MAX_SEASONAL_PERIOD = 24;

    private final EtsSpec spec;
    private final int period;
    private final int n;
    private final double alpha;
    private final double beta;
    private final double gamma;
    private final double phi;
    private final double level;
    private final double trend;
    private final double[] seasons;
    private final double sigma2;
    private final double aicc;
    private final String name;

    private EtsModel(String name, EtsSpec spec, int period, int n, double[] params, Run run,
            double sigma2, double aicc) {
        this.name = name;
        this.spec = spec;
        this.period = period;
        this.n = n;
        this.alpha = params[0];
        this.beta = params[1];
        this.gamma = params[2];
        this.phi = params[3];
        this.level = run.level;
        this.trend = run.trend;
        this.seasons = run.seasons;
        this.sigma2 = sigma2;
        this.aicc = aicc;
    }

    public EtsSpec spec() {
        return spec;
    }

    public double alpha() {
        return alpha;
    }

    public double beta() {
        return beta;
    }

    public double gamma() {
        return gamma;
    }

    public double phi() {
        return phi;
    }

    public double aicc() {
        return aicc;
    }

    public double sigma2() {
        return sigma2;
    }

    /** Final level l_n. */
    public double level() {
        return level;
    }

    /**
     * Fits {@code spec} by maximum likelihood.
     *
     * @throws IllegalArgumentException when the series is too short or the form inadmissible
     *     for the data (multiplicative components need positive data)
     */
    public static EtsModel fit(String name, EtsSpec spec, double[] y, int period) {
        int m = spec.seasonal() ? period : 1;
        if (spec.seasonal() && (period < 2 || period > MAX_SEASONAL_PERIOD)) {
            throw new IllegalArgumentException("seasonal ETS needs 2 <= period <= 24, got " + period);
        }
        int n = y.length;
        int freeParams = freeParameterCount(spec, m);
        if (n < minLength(spec, m)) {
            throw new IllegalArgumentException(spec + " needs at least " + minLength(spec, m)
                    + " observations, got " + n);
        }
        boolean positive = allPositive(y);
        if ((spec.error() == EtsSpec.Error.M || spec.season() == Season.M) && !positive) {
            throw new IllegalArgumentException(spec + " needs strictly positive data");
        }
        double[] initialSeasons = initialSeasons(spec, y, m);
        double[] levelTrend = initialLevelTrend(spec, y, m, initialSeasons);
        Layout layout = new Layout(spec);
        double scale = Math.max(Stats.sampleSd(y), MIN_RELATIVE_SCALE * Math.max(1, Math.abs(levelTrend[0])));
        double[] start = layout.start(levelTrend, m);
        double[] steps = layout.steps(scale);
        double[] best = optimise(x -> objective(layout.unpack(x), spec, y, m, initialSeasons),
                start, steps);
        double[] params = layout.unpack(best);
        Run run = run(params, spec, y, m, initialSeasons);
        if (run.invalid || objective(params, spec, y, m, initialSeasons) >= INADMISSIBLE) {
            throw new IllegalArgumentException(spec + ": no admissible parameters found");
        }
        double lik = run.likelihood(spec, n);
        int np = freeParams + 1;
        double aic = lik + 2.0 * np;
        double aicc = n - np - 1 > 0 ? aic + 2.0 * np * (np + 1) / (n - np - 1) : Double.POSITIVE_INFINITY;
        // sigma^2 with the degrees-of-freedom correction used by R's ets.
        double dof = Math.max(n - np, 1);
        double sigma2 = (spec.error() == EtsSpec.Error.A ? run.sse : run.relativeSse) / dof;
        return new EtsModel(name, spec, m, n, params, run, sigma2, aicc);
    }

    /** Fits with fixed smoothing parameters (no optimisation), for hand-checked tests. */
    public static EtsModel withParameters(String name, EtsSpec spec, double[] y, int period,
            double alpha, double beta, double gamma, double phi, double initialLevel, double initialTrend) {
        int m = spec.seasonal() ? period : 1;
        double[] initialSeasons = initialSeasons(spec, y, m);
        double[] params = {alpha, beta, gamma, phi, initialLevel, initialTrend};
        Run run = run(params, spec, y, m, initialSeasons);
        int np = freeParameterCount(spec, m) + 1;
        double sigma2 = (spec.error() == EtsSpec.Error.A ? run.sse : run.relativeSse) / Math.max(y.length - np, 1);
        return new EtsModel(name, spec, m, y.length, params, run, sigma2, Double.NaN);
    }

    static int minLength(EtsSpec spec, int m) {
        int base = freeParameterCount(spec, m) + 3;
        return spec.seasonal() ? Math.max(base, 2 * m + 2) : base;
    }

    static int freeParameterCount(EtsSpec spec, int m) {
        int count = 2; // alpha, l0
        if (spec.hasTrend()) {
            count += 2; // beta, b0
        }
        if (spec.damped()) {
            count += 1;
        }
        if (spec.seasonal()) {
            count += 1 + (m - 1); // gamma + free initial seasonal states
        }
        return count;
    }

    private static boolean allPositive(double[] y) {
        for (double v : y) {
            if (!(v > 0)) {
                return false;
            }
        }
        return true;
    }

    private static double[] initialSeasons(EtsSpec spec, double[] y, int m) {
        if (!spec.seasonal()) {
            return new double[0];
        }
        int cycles = Math.min(y.length / m, 4);
        int len = cycles * m;
        return spec.season() == Season.M
                ? Seasonality.indices(y, len, m, true)
                : Seasonality.additiveIndices(y, len, m);
    }

    private static double[] initialLevelTrend(EtsSpec spec, double[] y, int m, double[] seasons) {
        int points = Math.min(y.length, Math.max(INIT_REGRESSION_POINTS, spec.seasonal() ? 2 * m : 0));
        double[] adjusted = new double[points];
        for (int t = 0; t < points; t++) {
            adjusted[t] = switch (spec.season()) {
                case N -> y[t];
                case A -> y[t] - seasons[t % m];
                case M -> y[t] / seasons[t % m];
            };
        }
        double[] lt = Stats.linearTrend(adjusted, 0, points);
        // Regression intercept is at t = 0, i.e. one step before the first observation: l_0.
        return spec.hasTrend() ? lt : new double[] {Stats.mean(adjusted, 0, Math.min(points, INIT_REGRESSION_POINTS)), 0};
    }

    /** Negative log-likelihood up to a constant, or INADMISSIBLE outside the usual region. */
    private static double objective(double[] p, EtsSpec spec, double[] y, int m, double[] seasons) {
        double alpha = p[0];
        if (alpha < PARAM_LOWER || alpha > PARAM_UPPER) {
            return INADMISSIBLE;
        }
        if (spec.hasTrend() && (p[1] < PARAM_LOWER || p[1] > alpha)) {
            return INADMISSIBLE;
        }
        if (spec.seasonal() && (p[2] < PARAM_LOWER || p[2] > 1 - alpha)) {
            return INADMISSIBLE;
        }
        if (spec.damped() && (p[3] < PHI_LOWER || p[3] > PHI_UPPER)) {
            return INADMISSIBLE;
        }
        Run run = run(p, spec, y, m, seasons);
        if (run.invalid) {
            return INADMISSIBLE;
        }
        double lik = run.likelihood(spec, y.length);
        return Double.isFinite(lik) ? lik : INADMISSIBLE;
    }

    /** Best point seen, kept even when the evaluation budget runs out. */
    private static double[] optimise(java.util.function.ToDoubleFunction<double[]> f, double[] start, double[] steps) {
        double[][] best = {start.clone()};
        double[] bestValue = {Double.POSITIVE_INFINITY};
        ObjectiveFunction objective = new ObjectiveFunction(x -> {
            double v = f.applyAsDouble(x);
            if (v < bestValue[0]) {
                bestValue[0] = v;
                best[0] = x.clone();
            }
            return v;
        });
        for (int round = 0; round < OPTIMISER_ROUNDS; round++) {
            try {
                new SimplexOptimizer(RELATIVE_TOLERANCE, ABSOLUTE_TOLERANCE).optimize(
                        new MaxEval(MAX_EVALUATIONS), objective, GoalType.MINIMIZE,
                        new InitialGuess(best[0]), new NelderMeadSimplex(steps));
            } catch (MathIllegalStateException budgetExhausted) {
                // Nelder-Mead hit MAX_EVALUATIONS: the best point seen so far is a usable estimate.
            }
        }
        return best[0];
    }

    /** Result of running the state recursions over the sample. */
    private static final class Run {
        double sse;
        double relativeSse;
        double logMuSum;
        double level;
        double trend;
        double[] seasons;
        boolean invalid;

        double likelihood(EtsSpec spec, int n) {
            if (spec.error() == EtsSpec.Error.A) {
                return n * Math.log(Math.max(sse, Double.MIN_NORMAL));
            }
            return n * Math.log(Math.max(relativeSse, Double.MIN_NORMAL)) + 2 * logMuSum;
        }
    }

    /** params = {alpha, beta, gamma, phi, l0, b0}. */
    private static Run run(double[] p, EtsSpec spec, double[] y, int m, double[] initialSeasons) {
        double alpha = p[0];
        double beta = p[1];
        double gamma = p[2];
        double phi = spec.damped() ? p[3] : 1;
        double l = p[4];
        double b = spec.hasTrend() ? p[5] : 0;
        double[] s = initialSeasons.clone();
        Run run = new Run();
        boolean multiplicativeError = spec.error() == EtsSpec.Error.M;
        boolean hasTrend = spec.hasTrend();
        Season season = spec.season();
        double sse = 0;
        double relativeSse = 0;
        double logMuSum = 0;
        // log|mu| summed via a running product, one log per LOG_BATCH steps: Math.log in every
        // step was the largest single cost of the likelihood.
        double muProduct = 1;
        int inProduct = 0;
        for (int t = 0; t < y.length; t++) {
            double bPhi = hasTrend ? phi * b : 0;
            double base = l + bPhi;
            int j = season == Season.N ? 0 : t % m;
            double st = season == Season.N ? 0 : s[j];
            double mu = season == Season.N ? base : season == Season.A ? base + st : base * st;
            double e = y[t] - mu;
            sse += e * e;
            if (multiplicativeError) {
                if (!(mu > 0)) {
                    run.invalid = true;
                    return run;
                }
                double rel = e / mu;
                relativeSse += rel * rel;
                muProduct *= mu;
                if (++inProduct == LOG_BATCH || muProduct > PRODUCT_LIMIT || muProduct < 1 / PRODUCT_LIMIT) {
                    logMuSum += Math.log(muProduct);
                    muProduct = 1;
                    inProduct = 0;
                }
            }
            if (season == Season.M) {
                l = base + alpha * e / st;
                b = bPhi + beta * e / st;
                s[j] = st + gamma * e / base;
            } else {
                l = base + alpha * e;
                b = bPhi + beta * e;
                if (season == Season.A) {
                    s[j] = st + gamma * e;
                }
            }
        }
        if (!Double.isFinite(l) || !Double.isFinite(sse)) {
            run.invalid = true;
            return run;
        }
        run.sse = sse;
        run.relativeSse = relativeSse;
        run.logMuSum = logMuSum + Math.log(muProduct);
        run.level = l;
        run.trend = b;
        run.seasons = s;
        return run;
    }

    /** Maps the optimiser vector to {alpha, beta, gamma, phi, l0, b0} for one form. */
    private static final class Layout {
        private final EtsSpec spec;

        Layout(EtsSpec spec) {
            this.spec = spec;
        }

        double[] start(double[] levelTrend, int m) {
            // Starting values of R's forecast::ets (initparam): alpha 0.2 (0.2/m seasonal),
            // beta 0.1 alpha, gamma 0.05 (1 - alpha), phi 0.978.
            double alpha0 = spec.seasonal() ? START_ALPHA / m : START_ALPHA;
            java.util.List<Double> x = new java.util.ArrayList<>();
            x.add(alpha0);
            if (spec.hasTrend()) {
                x.add(START_BETA_SHARE * alpha0);
            }
            if (spec.seasonal()) {
                x.add(START_GAMMA_SHARE * (1 - alpha0));
            }
            if (spec.damped()) {
                x.add(START_PHI);
            }
            x.add(levelTrend[0]);
            if (spec.hasTrend()) {
                x.add(levelTrend[1]);
            }
            return x.stream().mapToDouble(Double::doubleValue).toArray();
        }

        double[] steps(double scale) {
            java.util.List<Double> x = new java.util.ArrayList<>();
            x.add(ALPHA_STEP);
            if (spec.hasTrend()) {
                x.add(SMALL_PARAM_STEP);
            }
            if (spec.seasonal()) {
                x.add(SMALL_PARAM_STEP);
            }
            if (spec.damped()) {
                x.add(SMALL_PARAM_STEP);
            }
            x.add(LEVEL_STEP_SHARE * scale);
            if (spec.hasTrend()) {
                x.add(TREND_STEP_SHARE * scale);
            }
            return x.stream().mapToDouble(Double::doubleValue).toArray();
        }

        double[] unpack(double[] x) {
            double[] p = {0, 0, 0, 1, 0, 0};
            int i = 0;
            p[0] = x[i++];
            if (spec.hasTrend()) {
                p[1] = x[i++];
            }
            if (spec.seasonal()) {
                p[2] = x[i++];
            }
            if (spec.damped()) {
                p[3] = x[i++];
            }
            p[4] = x[i++];
            if (spec.hasTrend()) {
                p[5] = x[i];
            }
            return p;
        }
    }

    /** Point forecast k steps ahead (k >= 1). */
    public double pointForecast(int k) {
        double damping = switch (spec.trend()) {
            case N -> 0;
            case A -> k;
            case AD -> dampedSum(k);
        };
        double base = level + damping * trend;
        return switch (spec.season()) {
            case N -> base;
            case A -> base + seasons[(n + k - 1) % period];
            case M -> base * seasons[(n + k - 1) % period];
        };
    }

    private double dampedSum(int k) {
        double sum = 0;
        double power = 1;
        for (int i = 1; i <= k; i++) {
            power *= phi;
            sum += power;
        }
        return sum;
    }

    /**
     * Forecast standard deviation k steps ahead. Class 1 (additive error, no multiplicative
     * season): exact v_k = sigma^2 (1 + sum_{j<k} c_j^2) with c_j = alpha + beta*phi_j +
     * gamma*[j mod m == 0] (Hyndman et al. 2008, table 6.1). Other forms: the same c_j applied to
     * the relative sigma times the point forecast, a first-order approximation (ibid. 6.4).
     */
    public double forecastSd(int k) {
        double sum = 0;
        for (int j = 1; j < k; j++) {
            double trendPart = switch (spec.trend()) {
                case N -> 0;
                case A -> beta * j;
                case AD -> beta * dampedSum(j);
            };
            double seasonPart = spec.seasonal() && j % period == 0 ? gamma : 0;
            double c = alpha + trendPart + seasonPart;
            sum += c * c;
        }
        double sd = Math.sqrt(sigma2 * (1 + sum));
        return spec.error() == EtsSpec.Error.A ? sd : sd * Math.abs(pointForecast(k));
    }

    @Override
    public Forecast forecast(int horizon, double[] levels) {
        double[] mean = new double[horizon];
        double[] sd = new double[horizon];
        for (int k = 1; k <= horizon; k++) {
            mean[k - 1] = pointForecast(k);
            sd[k - 1] = forecastSd(k);
        }
        return Forecast.of(name, mean, Intervals.gaussian(mean, sd, levels)).withDetail(spec.toString());
    }
}
