package io.flowcast.forecast.neural;

import java.util.List;

/**
 * Architecture of the {@link MixerNetwork} (TinyTimeMixer-style). Stored in the artifact
 * manifest, so a saved parameter file is always read back into the network it came from.
 *
 * @param context weeks (steps) of history the model sees; shorter series are left-padded and masked
 * @param horizon steps the model forecasts in one pass
 * @param patch steps per patch; {@code context} must be a multiple of it
 * @param hidden width of a patch token
 * @param layers number of mixer layers (patch mixing + feature mixing each)
 * @param expansion widening factor inside the mixing MLPs
 * @param decoderHidden width per patch after the backbone (the decoder/head input is patches x this)
 * @param channels target channels (2: units, revenue)
 * @param futureChannels known-future covariate channels (e.g. promo); 0 = none
 * @param regions categorical vocabulary (region names); index 0 is reserved for unknown values
 * @param quantiles quantile levels of the head, lowest first; the middle one is the point forecast
 */
public record MixerConfig(
        int context,
        int horizon,
        int patch,
        int hidden,
        int layers,
        int expansion,
        int decoderHidden,
        int channels,
        int futureChannels,
        List<String> regions,
        List<Double> quantiles) {

    /** The quantiles the head is trained for: 80% intervals come straight from the model. */
    public static final List<Double> DEFAULT_QUANTILES = List.of(0.1, 0.5, 0.9);

    public MixerConfig {
        regions = List.copyOf(regions);
        quantiles = List.copyOf(quantiles);
        if (context < patch || context % patch != 0) {
            throw new IllegalArgumentException("context " + context + " must be a positive multiple of patch " + patch);
        }
        if (horizon < 1 || hidden < 1 || layers < 0 || expansion < 1 || decoderHidden < 1 || channels < 1
                || futureChannels < 0) {
            throw new IllegalArgumentException("invalid mixer dimensions");
        }
        if (quantiles.size() != 3 || !(quantiles.get(0) < quantiles.get(1) && quantiles.get(1) < quantiles.get(2))) {
            throw new IllegalArgumentException("need three increasing quantiles (low, median, high), got " + quantiles);
        }
    }

    /** The job's shape (seed 003): 104 weeks in, 26 out, 2 channels, patch 8. */
    public static MixerConfig standard(List<String> regions, int futureChannels) {
        return new MixerConfig(104, 26, 8, 64, 3, 2, 16, 2, futureChannels, regions, DEFAULT_QUANTILES);
    }

    public int patches() {
        return context / patch;
    }

    /** Size of the categorical table: the vocabulary plus the unknown slot at index 0. */
    public int regionSlots() {
        return regions.size() + 1;
    }

    /** Index of a region in the embedding table; 0 for null or any value not seen in training. */
    public int regionIndex(String region) {
        int i = region == null ? -1 : regions.indexOf(region);
        return i + 1;
    }
}
