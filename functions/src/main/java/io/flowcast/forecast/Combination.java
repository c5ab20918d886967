package io.flowcast.forecast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Point-wise combination of forecasts of the same horizon and levels. Bounds are combined like
 * the means (median or mean of the members' bounds), the usual pragmatic choice for combined
 * intervals (Petropoulos &amp; Svetunkov 2020, "A simple combination of univariate models", IJF
 * 36(1), the M4 "Comb" benchmark).
 */
public final class Combination {

    public enum Rule { MEAN, MEDIAN }

    private Combination() {}

    public static Forecast combine(String name, List<Forecast> members, Rule rule) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("nothing to combine");
        }
        int h = members.get(0).horizon();
        double[] mean = new double[h];
        double[] values = new double[members.size()];
        for (int k = 0; k < h; k++) {
            for (int i = 0; i < members.size(); i++) {
                values[i] = members.get(i).meanAt(k);
            }
            mean[k] = aggregate(values, rule);
        }
        List<PredictionInterval> intervals = new ArrayList<>();
        for (PredictionInterval first : members.get(0).intervals()) {
            double[] lo = new double[h];
            double[] hi = new double[h];
            for (int k = 0; k < h; k++) {
                for (int i = 0; i < members.size(); i++) {
                    values[i] = members.get(i).interval(first.level()).orElseThrow().lowerAt(k);
                }
                lo[k] = aggregate(values, rule);
                for (int i = 0; i < members.size(); i++) {
                    values[i] = members.get(i).interval(first.level()).orElseThrow().upperAt(k);
                }
                hi[k] = aggregate(values, rule);
            }
            intervals.add(new PredictionInterval(first.level(), lo, hi));
        }
        return Forecast.of(name, mean, intervals);
    }

    /**
     * Weighted mean of the members (weights >= 0, normalised here), bounds combined the same way:
     * the FFORMA combination (Montero-Manso et al. 2020, IJF 36(1)).
     */
    public static Forecast weighted(String name, List<Forecast> members, double[] weights) {
        if (members.isEmpty() || members.size() != weights.length) {
            throw new IllegalArgumentException("need one weight per member");
        }
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("weights sum to " + total);
        }
        int h = members.get(0).horizon();
        double[] mean = new double[h];
        for (int i = 0; i < members.size(); i++) {
            double w = weights[i] / total;
            for (int k = 0; k < h; k++) {
                mean[k] += w * members.get(i).meanAt(k);
            }
        }
        List<PredictionInterval> intervals = new ArrayList<>();
        for (PredictionInterval first : members.get(0).intervals()) {
            double[] lo = new double[h];
            double[] hi = new double[h];
            for (int i = 0; i < members.size(); i++) {
                double w = weights[i] / total;
                PredictionInterval pi = members.get(i).interval(first.level()).orElseThrow();
                for (int k = 0; k < h; k++) {
                    lo[k] += w * pi.lowerAt(k);
                    hi[k] += w * pi.upperAt(k);
                }
            }
            intervals.add(new PredictionInterval(first.level(), lo, hi));
        }
        return Forecast.of(name, mean, intervals);
    }

    static double aggregate(double[] values, Rule rule) {
        if (rule == Rule.MEAN) {
            double s = 0;
            for (double v : values) {
                s += v;
            }
            return s / values.length;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
