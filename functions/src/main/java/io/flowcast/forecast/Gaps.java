package io.flowcast.forecast;

import java.util.Arrays;

/** Cleans a history before fitting: drops leading and trailing gaps, interpolates inner ones. */
public final class Gaps {

    private Gaps() {}

    /** Finite values unchanged; NaN/infinite inside the series linearly interpolated. */
    public static double[] fill(double[] y) {
        int first = 0;
        while (first < y.length && !Double.isFinite(y[first])) {
            first++;
        }
        int last = y.length - 1;
        while (last >= first && !Double.isFinite(y[last])) {
            last--;
        }
        if (first > last) {
            return new double[0];
        }
        double[] out = Arrays.copyOfRange(y, first, last + 1);
        int previous = 0;
        for (int t = 1; t < out.length; t++) {
            if (Double.isFinite(out[t])) {
                for (int k = previous + 1; k < t; k++) {
                    out[k] = out[previous] + (out[t] - out[previous]) * (k - previous) / (t - previous);
                }
                previous = t;
            }
        }
        return out;
    }
}
