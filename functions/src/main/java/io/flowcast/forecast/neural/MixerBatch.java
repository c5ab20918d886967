package io.flowcast.forecast.neural;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * A batch of windows encoded for {@link MixerNetwork}: the last {@code context} steps of every
 * channel, normalised per series and channel, left-padded with zeros and masked when shorter;
 * plus the scalers needed to map the outputs back.
 */
public final class MixerBatch {
    private final MixerConfig config;
    private final int size;
    final float[] past;
    final float[] mask;
    final long[] region;
    final float[] future;
    private final InstanceScaler[] scalers;

    private MixerBatch(MixerConfig config, int size) {
        this.config = config;
        this.size = size;
        past = new float[size * config.channels() * config.context()];
        mask = new float[size * config.context()];
        region = new long[size];
        future = new float[size * config.horizon() * Math.max(config.futureChannels(), 0)];
        scalers = new InstanceScaler[size * config.channels()];
    }

    /** Encodes windows whose history ends at their last observation (inference). */
    public static MixerBatch encode(MixerConfig config, List<SeriesWindow> windows) {
        MixerBatch batch = new MixerBatch(config, windows.size());
        for (int i = 0; i < windows.size(); i++) {
            SeriesWindow w = windows.get(i);
            batch.put(i, w, w.length(), w.future());
        }
        return batch;
    }

    /**
     * Writes row {@code i} from {@code w}'s history up to (excluding) {@code end}; used by
     * training to cut windows at any origin without copying the series.
     */
    void put(int i, SeriesWindow w, int end, double[][] fut) {
        int l = config.context();
        int observed = Math.min(end, l);
        int pad = l - observed;
        for (int c = 0; c < config.channels(); c++) {
            double[] y = w.channels()[Math.min(c, w.channels().length - 1)];
            InstanceScaler s = InstanceScaler.fit(y, end - observed, end);
            scalers[i * config.channels() + c] = s;
            int base = (i * config.channels() + c) * l;
            for (int t = 0; t < observed; t++) {
                past[base + pad + t] = s.normalise(y[end - observed + t]);
            }
        }
        for (int t = pad; t < l; t++) {
            mask[i * l + t] = 1f;
        }
        region[i] = config.regionIndex(w.region());
        int f = config.futureChannels();
        if (f > 0 && fut != null) {
            for (int k = 0; k < config.horizon() && k < fut.length; k++) {
                for (int j = 0; j < f && j < fut[k].length; j++) {
                    future[(i * config.horizon() + k) * f + j] = (float) fut[k][j];
                }
            }
        }
    }

    static MixerBatch empty(MixerConfig config, int size) {
        return new MixerBatch(config, size);
    }

    public int size() {
        return size;
    }

    InstanceScaler scaler(int row, int channel) {
        return scalers[row * config.channels() + channel];
    }

    /** The network inputs, allocated on {@code manager} (close it after the batch). */
    public NDList toNDList(NDManager manager) {
        int c = config.channels();
        int l = config.context();
        NDList list = new NDList(
                manager.create(past, new Shape(size, c, l)),
                manager.create(mask, new Shape(size, l)),
                manager.create(region, new Shape(size)));
        if (config.futureChannels() > 0) {
            list.add(manager.create(future, new Shape(size, config.horizon(), config.futureChannels())));
        }
        return list;
    }

    /** Maps the network's {@code (B, C, H, 3)} output back to original units. */
    public List<QuantileForecast> decode(float[] output) {
        int c = config.channels();
        int h = config.horizon();
        List<QuantileForecast> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            double[][] lo = new double[c][h];
            double[][] mid = new double[c][h];
            double[][] hi = new double[c][h];
            for (int ch = 0; ch < c; ch++) {
                InstanceScaler s = scaler(i, ch);
                for (int k = 0; k < h; k++) {
                    int base = ((i * c + ch) * h + k) * 3;
                    lo[ch][k] = s.invert(output[base]);
                    mid[ch][k] = s.invert(output[base + 1]);
                    hi[ch][k] = s.invert(output[base + 2]);
                }
            }
            out.add(new QuantileForecast(lo, mid, hi));
        }
        return out;
    }
}
