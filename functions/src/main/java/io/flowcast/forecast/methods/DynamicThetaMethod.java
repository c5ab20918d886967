package io.flowcast.forecast.methods;

import io.flowcast.forecast.FittedModel;
import io.flowcast.forecast.ForecastMethod;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.hipparchus.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * Dynamic optimised Theta model (DOTM) of Fiorucci, Pellegrini, Louzada, Petropoulos &amp;
 * Koehler (2016), "Models for optimising the theta method and their relationship to state space
 * models", IJF 32(4), section 3.2: the regression coefficients A_t, B_t are updated with every
 * observation and theta, alpha and l_0 minimise the in-sample one-step MSE:
 *   mu_{t+1} = l_t + (1 - 1/theta) [ (1-alpha)^t A_t + (1 - (1-alpha)^{t+1}) / alpha * B_t ],
 *   l_t = alpha y_t + (1-alpha) l_{t-1}.
 * Same seasonal adjustment as {@link ThetaMethod}. Intervals: Gaussian with the one-step sigma
 * growing like SES's, sigma * sqrt(1 + (h-1) alpha^2) (the paper's state-space equivalence).
 */
public final class DynamicThetaMethod implements ForecastMethod {
    public static final String NAME = "dotm";
    static final int MIN_LENGTH = 4;
    static final double ALPHA_LOWER = 0.01;
    static final double ALPHA_UPPER = 0.99;
    /** theta >= 1 keeps the long-run trend line's weight non-negative (paper section 3). */
    static final double THETA_LOWER = 1.0;
    static final double THETA_UPPER = 10.0;
    static final double INADMISSIBLE = 1e30;
    static final int MAX_EVALUATIONS = 1_000;
    static final double START_ALPHA = 0.5;
    static final double CLASSICAL_THETA = 2.0;
    static final double THETA_STEP = 0.5;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int minLength(int period) {
        return MIN_LENGTH;
    }

    @Override
    public FittedModel fit(double[] y, int period) {
        if (y.length < MIN_LENGTH) {
            throw new IllegalArgumentException("dotm needs at least " + MIN_LENGTH + " observations");
        }
        Seasonality.Adjustment adjustment = Seasonality.adjust(y, period, Seasonality.MIN_CYCLES_FOR_TEST);
        double[] x = adjustment.adjusted();
        int n = x.length;
        double scale = Math.max(Stats.sampleSd(x), EtsModel.MIN_RELATIVE_SCALE * Math.max(1, Math.abs(x[0])));
        // Start at the classical Theta method (theta = 2) with a middling alpha and l0 = x_1.
        double[] start = {START_ALPHA, CLASSICAL_THETA, x[0]};
        double[] bestPoint = start.clone();
        double[] bestValue = {Double.POSITIVE_INFINITY};
        ObjectiveFunction objective = new ObjectiveFunction(p -> {
            double v = mse(p, x);
            if (v < bestValue[0]) {
                bestValue[0] = v;
                System.arraycopy(p, 0, bestPoint, 0, p.length);
            }
            return v;
        });
        try {
            new SimplexOptimizer(EtsModel.RELATIVE_TOLERANCE, EtsModel.ABSOLUTE_TOLERANCE).optimize(new MaxEval(MAX_EVALUATIONS), objective,
                    GoalType.MINIMIZE, new InitialGuess(start),
                    new NelderMeadSimplex(new double[] {EtsModel.ALPHA_STEP, THETA_STEP, EtsModel.LEVEL_STEP_SHARE * scale}));
        } catch (MathIllegalStateException budgetExhausted) {
            // keep the best point seen
        }
        Path path = run(bestPoint, x);
        double alpha = bestPoint[0];
        double weight = 1 - 1 / bestPoint[1];
        double sigma = Math.sqrt(path.sse / Math.max(n - 3, 1));
        double decay = Math.pow(1 - alpha, n);
        double decayNext = Math.pow(1 - alpha, n + 1);
        return new GaussianModel(NAME, new GaussianModel.StepDistribution() {
            @Override
            public double mean(int step) {
                double trendTerm = decay * path.a + ((step - 1) + (1 - decayNext) / alpha) * path.b;
                return (path.level + weight * trendTerm) * adjustment.indexAt(n + step - 1);
            }

            @Override
            public double sd(int step) {
                return sigma * Math.sqrt(1 + (step - 1) * alpha * alpha) * adjustment.indexAt(n + step - 1);
            }
        });
    }

    private static double mse(double[] p, double[] x) {
        if (p[0] < ALPHA_LOWER || p[0] > ALPHA_UPPER || p[1] < THETA_LOWER || p[1] > THETA_UPPER) {
            return INADMISSIBLE;
        }
        double sse = run(p, x).sse;
        return Double.isFinite(sse) ? sse / x.length : INADMISSIBLE;
    }

    /** Final level and dynamic regression coefficients after the sample, and the one-step SSE. */
    private record Path(double level, double a, double b, double sse) {}

    private static Path run(double[] p, double[] x) {
        double alpha = p[0];
        double weight = 1 - 1 / p[1];
        double level = p[2];
        double sumY = 0;
        double sumTY = 0;
        double a = 0;
        double b = 0;
        double sse = 0;
        double decay = 1; // (1-alpha)^t
        for (int t = 1; t <= x.length; t++) {
            // forecast of x_t made at t-1 (coefficients from x_1..x_{t-1})
            double mu = t == 1 ? level
                    : level + weight * (decay * a + (1 - decay * (1 - alpha)) / alpha * b);
            double e = x[t - 1] - mu;
            sse += e * e;
            level = alpha * x[t - 1] + (1 - alpha) * level;
            sumY += x[t - 1];
            sumTY += t * x[t - 1];
            double mean = sumY / t;
            // Recursive OLS on t = 1..n: B = 6/(n^2-1) (2/n sum tY - (n+1) mean), A = mean - (n+1)/2 B.
            b = t > 1 ? 6.0 / ((double) t * t - 1) * (2.0 / t * sumTY - (t + 1) * mean) : 0;
            a = mean - (t + 1) / 2.0 * b;
            decay *= 1 - alpha;
        }
        return new Path(level, a, b, sse);
    }
}
