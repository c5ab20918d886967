package io.flowcast.forecast.neural;

/**
 * Runtime settings of the neural forecaster ({@code forecast.neural.*} in conf/flowcast.yaml).
 *
 * @param device {@code auto} (a GPU when the engine sees one, else CPU), {@code cpu} or {@code gpu}
 * @param threads PyTorch intra-op threads per predictor; keep threads x Flink slots <= cores
 * @param interopThreads PyTorch inter-op threads
 * @param batchSize most series per forward pass
 */
public record NeuralSettings(String device, int threads, int interopThreads, int batchSize) {
    public static final int MAX_BATCH = 256;

    public NeuralSettings {
        if (!device.equals("auto") && !device.equals("cpu") && !device.equals("gpu")) {
            throw new IllegalArgumentException("forecast.neural.device must be auto, cpu or gpu, got " + device);
        }
        if (threads < 1 || interopThreads < 1 || batchSize < 1 || batchSize > MAX_BATCH) {
            throw new IllegalArgumentException("forecast.neural threads >= 1 and batch-size in 1.." + MAX_BATCH);
        }
    }

    public static NeuralSettings defaults() {
        return new NeuralSettings("auto", 1, 1, MAX_BATCH);
    }
}
