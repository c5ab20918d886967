package io.flowcast.forecast.neural;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Small configs and series shared by the neural tests. */
final class MixerTestData {
    private MixerTestData() {}

    static final NeuralSettings CPU = new NeuralSettings("cpu", 1, 1, 64);

    static MixerConfig tiny(int futureChannels) {
        return new MixerConfig(32, 8, 8, 16, 2, 2, 8, 2, futureChannels, List.of("SP", "GO"), MixerConfig.DEFAULT_QUANTILES);
    }

    /** Sines with random level, amplitude and phase (period 8) plus a little noise. */
    static List<TrainingSeries> sines(int count, int length, long seed) {
        Random r = new Random(seed);
        List<TrainingSeries> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double level = 10 + 90 * r.nextDouble();
            double amp = level * (0.2 + 0.5 * r.nextDouble());
            double phase = r.nextDouble() * 2 * Math.PI;
            double[] y = new double[length];
            for (int t = 0; t < length; t++) {
                y[t] = level + amp * Math.sin(2 * Math.PI * t / 8 + phase) + r.nextGaussian() * 0.02 * amp;
            }
            out.add(TrainingSeries.single("s" + i, y, i % 2 == 0 ? "SP" : "GO"));
        }
        return out;
    }

    static List<SeriesWindow> windows(List<TrainingSeries> series, int modelChannels) {
        return series.stream().map(s -> SeriesWindow.of(s.channels()[0], modelChannels, s.region(), null)).toList();
    }
}
