package io.flowcast.forecast;

/**
 * Point forecasts and a central prediction interval for steps 1..h.
 *
 * @param level coverage of [lower, upper], e.g. 0.80
 * @param note why a fallback or a special case was used, or null
 */
public record Forecast(String method, double[] mean, double[] lower, double[] upper, double level, String note) {

    public int horizon() {
        return mean.length;
    }

    public Forecast withMethod(String name, String why) {
        return new Forecast(name, mean, lower, upper, level, why == null ? note : why);
    }

    /** A flat forecast with a flat interval (constant and empty series). */
    static Forecast flat(String method, double value, double halfWidth, int h, double level, String note) {
        double[] mean = new double[h];
        double[] lower = new double[h];
        double[] upper = new double[h];
        java.util.Arrays.fill(mean, value);
        java.util.Arrays.fill(lower, value - halfWidth);
        java.util.Arrays.fill(upper, value + halfWidth);
        return new Forecast(method, mean, lower, upper, level, note);
    }
}
