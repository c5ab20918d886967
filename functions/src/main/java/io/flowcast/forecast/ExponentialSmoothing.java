package io.flowcast.forecast;

import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.hipparchus.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * Additive-error exponential smoothing without seasonality: simple (ETS(A,N,N)), Holt's linear
 * trend (ETS(A,A,N)) and damped trend (ETS(A,Ad,N)), in the state-space form of Hyndman, Koehler,
 * Ord & Snyder (2008), "Forecasting with Exponential Smoothing", ch. 2 and 6:
 * <pre>
 *   yhat_t = l_{t-1} + phi b_{t-1},  e_t = y_t - yhat_t
 *   l_t = l_{t-1} + phi b_{t-1} + alpha e_t,   b_t = phi b_{t-1} + beta e_t
 *   forecast_h = l_n + (phi + ... + phi^h) b_n
 *   Var(h) = sigma^2 (1 + sum_{j=1}^{h-1} (alpha + beta (phi + ... + phi^j))^2)   (class 1)
 * </pre>
 * Parameters minimise the in-sample sum of squared one-step errors (the Gaussian likelihood of an
 * additive-error model) with Nelder-Mead over logit-transformed bounds; the initial level and
 * trend come from a regression on the first ten observations (Hyndman et al. 2002).
 */
public final class ExponentialSmoothing implements ForecastMethod {

    private static final long serialVersionUID = 1L;

    public enum Trend { NONE, LINEAR, DAMPED }

    private static final double MIN_ALPHA = 1e-4;
    private static final double MAX_ALPHA = 0.9999;
    private static final double MIN_PHI = 0.80;
    private static final double MAX_PHI = 0.98;
    private static final int INIT_WINDOW = 10;
    private static final int MAX_EVALUATIONS = 2_000;

    private final Trend trend;

    public ExponentialSmoothing(Trend trend) {
        this.trend = trend;
    }

    @Override
    public String name() {
        return switch (trend) {
            case NONE -> "ses";
            case LINEAR -> "holt";
            case DAMPED -> "damped";
        };
    }

    @Override
    public int minLength(int period) {
        return trend == Trend.NONE ? 2 : 4;
    }

    /** The fitted model: parameters, final states and the one-step residual sd. */
    public record Fit(double alpha, double beta, double phi, double level, double slope, double sigma, int n) {

        public double[] pointForecast(int horizon) {
            double[] mean = new double[horizon];
            double phiSum = 0;
            double phiPower = 1;
            for (int h = 0; h < horizon; h++) {
                phiPower *= phi;
                phiSum += phiPower;
                mean[h] = level + phiSum * slope;
            }
            return mean;
        }

        public double[] varianceFactors(int horizon) {
            double[] factor = new double[horizon];
            double cumulative = 1;
            double phiSum = 0;
            double phiPower = 1;
            factor[0] = 1;
            for (int j = 1; j < horizon; j++) {
                phiPower *= phi;
                phiSum += phiPower;
                double c = alpha + beta * phiSum;
                cumulative += c * c;
                factor[j] = cumulative;
            }
            return factor;
        }
    }

    @Override
    public Forecast forecast(double[] y, int period, int horizon, double level) {
        Fit fit = fit(y);
        return Gaussian.interval(name(), fit.pointForecast(horizon), fit.sigma(), fit.varianceFactors(horizon), level, false);
    }

    public Fit fit(double[] y) {
        double[] init = initialStates(y);
        ObjectiveFunction sse = new ObjectiveFunction(p -> {
            double[] params = parameters(p);
            return run(y, params[0], params[1], params[2], init[0], init[1])[0];
        });
        double[] start = switch (trend) {
            case NONE -> new double[] {logit(0.3, MIN_ALPHA, MAX_ALPHA)};
            case LINEAR -> new double[] {logit(0.3, MIN_ALPHA, MAX_ALPHA), logit(0.1, 0, 1)};
            case DAMPED -> new double[] {logit(0.3, MIN_ALPHA, MAX_ALPHA), logit(0.1, 0, 1), logit(0.95, MIN_PHI, MAX_PHI)};
        };
        double[] best;
        if (start.length == 1) {
            // Nelder-Mead needs two dimensions; one parameter is a line search.
            best = new double[] {brentArgmin(sse)};
        } else {
            PointValuePair optimum = new SimplexOptimizer(1e-9, 1e-12).optimize(
                    new MaxEval(MAX_EVALUATIONS), sse, GoalType.MINIMIZE, new InitialGuess(start),
                    new NelderMeadSimplex(start.length));
            best = optimum.getPoint();
        }
        double[] params = parameters(best);
        double[] result = run(y, params[0], params[1], params[2], init[0], init[1]);
        double sigma = Math.sqrt(result[0] / Math.max(1, y.length - params.length));
        return new Fit(params[0], params[1], params[2], result[1], result[2], sigma, y.length);
    }

    private static double brentArgmin(ObjectiveFunction sse) {
        return new org.hipparchus.optim.univariate.BrentOptimizer(1e-8, 1e-10)
                .optimize(new MaxEval(MAX_EVALUATIONS), GoalType.MINIMIZE,
                        new org.hipparchus.optim.univariate.SearchInterval(-9.2, 9.2),
                        new org.hipparchus.optim.univariate.UnivariateObjectiveFunction(
                                a -> sse.getObjectiveFunction().value(new double[] {a})))
                .getPoint();
    }

    /** alpha, beta (<= alpha, as the admissible region requires), phi from unconstrained values. */
    private double[] parameters(double[] p) {
        double alpha = logistic(p[0], MIN_ALPHA, MAX_ALPHA);
        double beta = 0;
        double phi = 1;
        if (trend != Trend.NONE) {
            beta = alpha * logistic(p[1], 0, 1);
        }
        if (trend == Trend.DAMPED) {
            phi = logistic(p[2], MIN_PHI, MAX_PHI);
        }
        if (trend == Trend.NONE) {
            phi = 0;
        }
        return new double[] {alpha, beta, phi};
    }

    /** Runs the recursions; returns {SSE, final level, final slope}. */
    static double[] run(double[] y, double alpha, double beta, double phi, double level0, double slope0) {
        double level = level0;
        double slope = slope0;
        double sse = 0;
        for (double obs : y) {
            double yhat = level + phi * slope;
            double e = obs - yhat;
            sse += e * e;
            level = yhat + alpha * e;
            slope = phi * slope + beta * e;
        }
        return new double[] {sse, level, slope};
    }

    private double[] initialStates(double[] y) {
        if (trend == Trend.NONE) {
            return new double[] {y[0], 0};
        }
        Line line = Line.fit(y, Math.min(INIT_WINDOW, y.length));
        // Level one step before the first observation.
        return new double[] {line.at(-1), line.slope()};
    }

    private static double logistic(double x, double lo, double hi) {
        return lo + (hi - lo) / (1 + Math.exp(-x));
    }

    private static double logit(double v, double lo, double hi) {
        double u = (v - lo) / (hi - lo);
        return Math.log(u / (1 - u));
    }
}
