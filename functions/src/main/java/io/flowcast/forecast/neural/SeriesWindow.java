package io.flowcast.forecast.neural;

/**
 * The input for one forecast: the history of each channel (oldest first, finite values, all
 * channels the same length), the categorical value, and optional known-future covariates.
 *
 * @param channels {@code [channel][t]}; a series with one channel only is given to the model with
 *     that channel repeated (see {@link #of})
 * @param region categorical value (e.g. region), null when unknown
 * @param future {@code [step][covariate]} for the forecast horizon, or null (treated as zeros)
 */
public record SeriesWindow(double[][] channels, String region, double[][] future) {

    public SeriesWindow {
        if (channels.length == 0) {
            throw new IllegalArgumentException("no channel");
        }
        for (double[] c : channels) {
            if (c.length != channels[0].length) {
                throw new IllegalArgumentException("channels differ in length");
            }
        }
    }

    /**
     * A window over a single target: the second (revenue) channel repeats it, which is what a
     * constant unit price would give, so the channel mixer sees consistent channels.
     */
    public static SeriesWindow of(double[] y, int modelChannels, String region, double[][] future) {
        double[][] ch = new double[modelChannels][];
        for (int c = 0; c < modelChannels; c++) {
            ch[c] = y;
        }
        return new SeriesWindow(ch, region, future);
    }

    public int length() {
        return channels[0].length;
    }
}
