package io.flowcast.forecast.neural;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.util.Pair;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MixerNetworkTest {

    @TempDir Path dir;

    @Test
    void standardShapeIsUnderAMillionParametersAndGivesOrderedQuantilesPerChannelAndStep() {
        try (MixerModel model = MixerModel.create(MixerConfig.standard(List.of("SP", "GO", "MG"), 1),
                MixerTestData.CPU, 7)) {
            assertThat(model.parameterCount()).isBetween(10_000L, 1_000_000L);
            // one long series, one short (padded + masked), one with an unknown region and covariates
            double[] longY = new double[150];
            double[] shortY = new double[9];
            for (int t = 0; t < longY.length; t++) {
                longY[t] = 100 + 10 * Math.sin(t / 3.0);
            }
            for (int t = 0; t < shortY.length; t++) {
                shortY[t] = t;
            }
            double[][] promo = new double[26][1];
            promo[3][0] = 1;
            List<QuantileForecast> out = model.predict(List.of(SeriesWindow.of(longY, 2, "SP", null),
                    SeriesWindow.of(shortY, 2, "GO", null), SeriesWindow.of(longY, 2, "nowhere", promo)));
            assertThat(out).hasSize(3);
            for (QuantileForecast f : out) {
                assertThat(f.median()).hasDimensions(2, 26);
                for (int c = 0; c < 2; c++) {
                    for (int k = 0; k < 26; k++) {
                        assertThat(f.low()[c][k]).isFinite().isLessThanOrEqualTo(f.median()[c][k]);
                        assertThat(f.high()[c][k]).isGreaterThanOrEqualTo(f.median()[c][k]);
                    }
                }
            }
        }
    }

    @Test
    void instanceScalerRoundTripsAndCopesWithConstantContexts() {
        Random r = new Random(1);
        double[] y = new double[40];
        for (int t = 0; t < y.length; t++) {
            y[t] = 1e4 + 500 * r.nextGaussian();
        }
        InstanceScaler s = InstanceScaler.fit(y, 0, y.length);
        for (double v : y) {
            assertThat(s.invert(s.normalise(v))).isCloseTo(v, org.assertj.core.data.Offset.offset(1e-2));
        }
        assertThat(s.loc()).isCloseTo(1e4, org.assertj.core.data.Offset.offset(300.0));
        InstanceScaler flat = InstanceScaler.fit(new double[] {5, 5, 5}, 0, 3);
        assertThat(flat.normalise(5)).isZero();
        assertThat(flat.invert(0)).isEqualTo(5);
        InstanceScaler zeros = InstanceScaler.fit(new double[] {0, 0}, 0, 2);
        assertThat(zeros.scale()).isEqualTo(1);
    }

    @Test
    void sameSeedGivesIdenticalWeightsAndOutputs() {
        List<SeriesWindow> w = MixerTestData.windows(MixerTestData.sines(5, 40, 3), 2);
        try (MixerModel a = MixerModel.create(MixerTestData.tiny(0), MixerTestData.CPU, 11);
                MixerModel b = MixerModel.create(MixerTestData.tiny(0), MixerTestData.CPU, 11);
                MixerModel c = MixerModel.create(MixerTestData.tiny(0), MixerTestData.CPU, 12)) {
            double[][] first = a.predict(w).get(0).median();
            assertThat(a.predict(w).get(0).median()).isDeepEqualTo(first);
            assertThat(b.predict(w).get(0).median()).isDeepEqualTo(first);
            assertThat(c.predict(w).get(0).median()).isNotEqualTo(first);
        }
    }

    @Test
    void savedAndLoadedModelGivesIdenticalOutputsAndACorruptFileIsRefusedByName() throws Exception {
        List<SeriesWindow> w = MixerTestData.windows(MixerTestData.sines(4, 50, 5), 2);
        List<QuantileForecast> before;
        List<Pair<String, float[]>> weightsBefore;
        try (MixerModel m = MixerModel.create(MixerTestData.tiny(0), MixerTestData.CPU, 3)) {
            before = m.predict(w);
            weightsBefore = weights(m);
            MixerManifest saved = m.save(dir, new MixerManifest("t", null, null, "", java.util.Map.of(),
                    java.util.Map.of(), 0, null, null, 0));
            assertThat(saved.paramsSha256()).hasSize(64);
            assertThat(saved.parameterCount()).isEqualTo(m.parameterCount());
        }
        try (MixerModel loaded = MixerModel.load(dir, MixerTestData.CPU)) {
            List<Pair<String, float[]>> weightsAfter = weights(loaded);
            for (int i = 0; i < weightsBefore.size(); i++) {
                assertThat(weightsAfter.get(i).getValue()).as(weightsBefore.get(i).getKey())
                        .isEqualTo(weightsBefore.get(i).getValue());
            }
            List<QuantileForecast> after = loaded.predict(w);
            for (int i = 0; i < w.size(); i++) {
                assertThat(after.get(i).median()).isDeepEqualTo(before.get(i).median());
                assertThat(after.get(i).high()).isDeepEqualTo(before.get(i).high());
            }
        }
        Path params = dir.resolve(MixerManifest.PARAMS);
        byte[] bytes = Files.readAllBytes(params);
        bytes[bytes.length / 2] ^= 0x5a;
        Files.write(params, bytes);
        assertThatThrownBy(() -> MixerModel.load(dir, MixerTestData.CPU))
                .isInstanceOf(NeuralUnavailableException.class)
                .hasMessageContaining(params.toString()).hasMessageContaining("corrupt");
        Files.delete(params);
        assertThatThrownBy(() -> MixerModel.load(dir, MixerTestData.CPU))
                .isInstanceOf(NeuralUnavailableException.class).hasMessageContaining(params.toString());
        assertThatThrownBy(() -> MixerModel.load(dir.resolve("nope"), MixerTestData.CPU))
                .isInstanceOf(NeuralUnavailableException.class).hasMessageContaining("manifest.json");
    }

    static List<Pair<String, float[]>> weights(MixerModel m) {
        return m.network().getParameters().stream()
                .map(p -> new Pair<>(p.getKey(), p.getValue().getArray().toFloatArray())).toList();
    }

    static boolean isBackbone(Pair<String, ?> p) {
        return p.getKey().startsWith(MixerNetwork.BACKBONE);
    }

}
