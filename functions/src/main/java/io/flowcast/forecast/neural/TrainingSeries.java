package io.flowcast.forecast.neural;

/**
 * One series to train on.
 *
 * @param id for reports
 * @param channels {@code [channel][t]}, finite, equal lengths (a single channel is repeated)
 * @param region categorical value, null when unknown
 * @param covariates {@code [t][covariate]} over the same steps as the channels, or null
 */
public record TrainingSeries(String id, double[][] channels, String region, double[][] covariates) {

    public static TrainingSeries single(String id, double[] y, String region) {
        return new TrainingSeries(id, new double[][] {y}, region, null);
    }

    public int length() {
        return channels[0].length;
    }

    SeriesWindow window() {
        return new SeriesWindow(channels, region, null);
    }
}
