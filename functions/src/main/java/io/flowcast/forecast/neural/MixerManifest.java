package io.flowcast.forecast.neural;

import java.util.Map;

/**
 * The JSON manifest next to the parameter file: enough to rebuild the network, check the file
 * and know how it was made.
 *
 * @param name artifact name
 * @param architecture the network's shape
 * @param training hyper-parameters of the last training run
 * @param parent manifest name + sha256 of the model this one was fine-tuned from, or empty
 * @param data sha256 of each training data source (file name -> hash)
 * @param validation validation metrics of the kept weights (e.g. pinball, mase)
 * @param trainingSeconds wall time of the run
 * @param paramsFile the DJL parameter file, relative to the manifest
 * @param paramsSha256 its sha256; a mismatch refuses to load
 * @param parameterCount trainable scalars in the network
 */
public record MixerManifest(
        String name,
        MixerConfig architecture,
        TrainingOptions training,
        String parent,
        Map<String, String> data,
        Map<String, Double> validation,
        double trainingSeconds,
        String paramsFile,
        String paramsSha256,
        long parameterCount) {

    public static final String FILE = "manifest.json";
    public static final String PARAMS = "mixer.params";
}
