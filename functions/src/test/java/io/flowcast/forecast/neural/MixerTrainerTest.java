package io.flowcast.forecast.neural;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.util.Pair;
import java.util.List;
import org.junit.jupiter.api.Test;

class MixerTrainerTest {

    private static final TrainingOptions QUICK = new TrainingOptions(42, 150, 32, 5e-3, 25, 4, 8, false);

    @Test
    void learnsASineFromAFewSeries() {
        List<TrainingSeries> train = MixerTestData.sines(24, 72, 9);
        try (MixerModel model = MixerModel.create(MixerTestData.tiny(0), MixerTestData.CPU, 1)) {
            TrainingReport r = MixerTrainer.train(model, train, QUICK, TrainingProgress.NONE);
            assertThat(r.validationWindows()).isEqualTo(24);
            // The sine is fully predictable from its past; an untrained net is not.
            assertThat(r.validationPinball()).isLessThan(0.15).isLessThan(r.initialValidationPinball() / 3);
            assertThat(r.validationMase()).isLessThan(0.5);
        }
    }

    @Test
    void sameSeedAndThreadsGiveBitIdenticalWeights() {
        List<TrainingSeries> train = MixerTestData.sines(8, 48, 2);
        TrainingOptions few = QUICK.withMaxSteps(20);
        float[][] a = trained(train, few);
        float[][] b = trained(train, few);
        assertThat(a).isDeepEqualTo(b);
    }

    private static float[][] trained(List<TrainingSeries> train, TrainingOptions options) {
        try (MixerModel model = MixerModel.create(MixerTestData.tiny(0), MixerTestData.CPU, 5)) {
            MixerTrainer.train(model, train, options, TrainingProgress.NONE);
            return MixerNetworkTest.weights(model).stream().map(Pair::getValue).toArray(float[][]::new);
        }
    }

    @Test
    void selectiveFineTuningLeavesTheBackboneBitIdenticalAndChangesTheHead() {
        List<TrainingSeries> train = MixerTestData.sines(8, 48, 4);
        try (MixerModel model = MixerModel.create(MixerTestData.tiny(0), MixerTestData.CPU, 8)) {
            List<Pair<String, float[]>> before = MixerNetworkTest.weights(model);
            MixerTrainer.train(model, train, new TrainingOptions(1, 30, 16, 1e-2, 10, 10, 8, true), TrainingProgress.NONE);
            List<Pair<String, float[]>> after = MixerNetworkTest.weights(model);
            int changedHead = 0;
            for (int i = 0; i < before.size(); i++) {
                if (MixerNetworkTest.isBackbone(before.get(i))) {
                    assertThat(after.get(i).getValue()).as(before.get(i).getKey()).isEqualTo(before.get(i).getValue());
                } else if (!java.util.Arrays.equals(after.get(i).getValue(), before.get(i).getValue())) {
                    changedHead++;
                }
            }
            assertThat(changedHead).isGreaterThan(3);
            // and a full fine-tune does move the backbone
            MixerTrainer.train(model, train, new TrainingOptions(1, 10, 16, 1e-2, 10, 10, 8, false), TrainingProgress.NONE);
            assertThat(MixerNetworkTest.weights(model).get(0).getValue()).isNotEqualTo(after.get(0).getValue());
        }
    }
}
