package io.flowcast.forecast.neural;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pretraining and fine-tuning runs end to end: gather series, train, save the artifact with a
 * manifest that records the data (sha256 per file), hyper-parameters, seed and validation
 * metrics. Used by {@code flowcast train pretrain} and the TrainingJob.
 */
public final class MixerPretraining {
    private MixerPretraining() {}

    /** What to pretrain on: CSV files plus, optionally, generator histories. */
    public record Sources(List<Path> csvFiles, int syntheticProducts, int syntheticWeeks, long syntheticSeed) {}

    public static MixerManifest pretrain(String name, Sources sources, MixerConfig config, TrainingOptions options,
            NeuralSettings settings, Path out, TrainingProgress progress) throws IOException {
        Map<String, String> hashes = new LinkedHashMap<>();
        List<TrainingSeries> series = new ArrayList<>();
        for (Path f : sources.csvFiles()) {
            series.addAll(TrainingData.fromCsv(f));
            hashes.put(f.getFileName().toString(), MixerModel.sha256(f));
        }
        if (sources.syntheticProducts() > 0) {
            series.addAll(TrainingData.synthetic(sources.syntheticProducts(), sources.syntheticWeeks(),
                    sources.syntheticSeed()));
            hashes.put("generator", "products=" + sources.syntheticProducts() + ",weeks="
                    + sources.syntheticWeeks() + ",seed=" + sources.syntheticSeed());
        }
        try (MixerModel model = MixerModel.create(config, settings, options.seed())) {
            TrainingReport report = MixerTrainer.train(model, series, options, progress);
            return model.save(out, draft(name, options, "", hashes, report));
        }
    }

    /**
     * Fine-tunes {@code model} in place on {@code series} (selective unless {@code options} say
     * otherwise) and returns the report; the model keeps its parent's manifest until saved.
     */
    public static TrainingReport fineTune(MixerModel model, List<TrainingSeries> series, TrainingOptions options,
            TrainingProgress progress) {
        return MixerTrainer.train(model, series, options, progress);
    }

    static MixerManifest draft(String name, TrainingOptions options, String parent, Map<String, String> data,
            TrainingReport report) {
        Map<String, Double> validation = new LinkedHashMap<>();
        validation.put("initial_pinball", report.initialValidationPinball());
        validation.put("pinball", report.validationPinball());
        validation.put("mase", report.validationMase());
        validation.put("windows", (double) report.validationWindows());
        validation.put("steps", (double) report.steps());
        validation.put("training_series", (double) report.trainingSeries());
        return new MixerManifest(name, null, options, parent, data, validation, report.seconds(), null, null, 0);
    }
}
