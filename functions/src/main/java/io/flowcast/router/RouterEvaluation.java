package io.flowcast.router;

import io.flowcast.forecast.metrics.Metrics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Accuracy of a router on backtest samples, next to every pool method and Naive2 on exactly the
 * same origins: mean MASE, mean sMAPE and OWA (M4) of the weighted combination ("router") and of
 * the single heaviest method ("router_argmax").
 *
 * @param rows one per scored forecaster, router first
 */
public record RouterEvaluation(List<Row> rows) {

    public static final String WEIGHTED = "router";
    public static final String ARGMAX = "router_argmax";

    public record Row(String method, double mase, double smape, double owa, double rmsse) {
        public double error(OriginSample.LabelError measure) {
            return measure == OriginSample.LabelError.MASE ? mase : rmsse;
        }
    }

    public Row row(String method) {
        return rows.stream().filter(r -> r.method().equals(method)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no row " + method));
    }

    /** The pool method with the lowest mean error of the given kind. */
    public Row bestSingle(List<String> pool, OriginSample.LabelError measure) {
        return rows.stream().filter(r -> pool.contains(r.method()))
                .min(java.util.Comparator.comparingDouble(r -> r.error(measure))).orElseThrow();
    }

    public static RouterEvaluation of(MethodRouter router, List<OriginSample> samples) {
        List<String> pool = router.methods();
        double[][] features = samples.stream().map(s -> RouterFeatures.vector(s.shape(), router.clusters()))
                .toArray(double[][]::new);
        double[][] weights = router.weights(features);
        Map<String, double[]> sums = new LinkedHashMap<>(); // {mase, smape, maseCount, smapeCount, rmsse, rmsseCount}
        for (int i = 0; i < samples.size(); i++) {
            OriginSample s = samples.get(i);
            add(sums, WEIGHTED, s, s.combine(weights[i]));
            add(sums, ARGMAX, s, s.forecasts()[MethodRouter.argmax(weights[i])]);
            for (int j = 0; j < pool.size(); j++) {
                add(sums, pool.get(j), s, s.forecasts()[j]);
            }
            add(sums, "naive2", s, s.naive2());
        }
        double[] naive2 = sums.get("naive2");
        double naive2Mase = naive2[0] / naive2[2];
        double naive2Smape = naive2[1] / naive2[3];
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, double[]> e : sums.entrySet()) {
            double mase = e.getValue()[0] / e.getValue()[2];
            double smape = e.getValue()[1] / e.getValue()[3];
            double rmsse = e.getValue()[4] / e.getValue()[5];
            rows.add(new Row(e.getKey(), mase, smape, Metrics.owa(smape, mase, naive2Smape, naive2Mase), rmsse));
        }
        return new RouterEvaluation(List.copyOf(rows));
    }

    private static void add(Map<String, double[]> sums, String name, OriginSample s, double[] forecast) {
        double[] acc = sums.computeIfAbsent(name, k -> new double[6]);
        double mase = s.mase(forecast);
        if (Double.isFinite(mase)) {
            acc[0] += mase;
            acc[2]++;
        }
        double rmsse = s.rmsse(forecast);
        if (Double.isFinite(rmsse)) {
            acc[4] += rmsse;
            acc[5]++;
        }
        double smape = Metrics.smape(s.actual(), forecast);
        if (Double.isFinite(smape)) {
            acc[1] += smape;
            acc[3]++;
        }
    }
}
