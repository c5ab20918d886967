package io.flowcast.forecast.neural;

import ai.djl.Device;
import ai.djl.engine.Engine;

/**
 * Loads the PyTorch engine once per JVM with our settings. The native library comes from the
 * {@code pytorch-native-cpu} jar (offline: no download at run time); PyTorch reads its thread
 * counts when the engine starts, so they are set as system properties before the first use.
 */
public final class NeuralRuntime {
    private static final String ENGINE = "PyTorch";
    private static volatile Engine engine;

    private NeuralRuntime() {}

    /**
     * The PyTorch engine, started with {@code settings}' thread counts on the first call (later
     * calls reuse it: native libraries load once per JVM).
     *
     * @throws NeuralUnavailableException when the native library cannot be loaded
     */
    public static Engine engine(NeuralSettings settings) {
        Engine e = engine;
        if (e != null) {
            return e;
        }
        synchronized (NeuralRuntime.class) {
            if (engine == null) {
                System.setProperty("ai.djl.offline", System.getProperty("ai.djl.offline", "true"));
                System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(settings.threads()));
                System.setProperty("ai.djl.pytorch.num_interop_threads", Integer.toString(settings.interopThreads()));
                try {
                    engine = Engine.getEngine(ENGINE);
                } catch (RuntimeException | UnsatisfiedLinkError e2) {
                    throw new NeuralUnavailableException("PyTorch native library could not be loaded: " + e2, e2);
                }
            }
            return engine;
        }
    }

    /** The device {@code settings.device()} names: auto picks the first GPU when there is one. */
    public static Device device(NeuralSettings settings) {
        Engine e = engine(settings);
        return switch (settings.device()) {
            case "cpu" -> Device.cpu();
            case "gpu" -> {
                if (e.getGpuCount() == 0) {
                    throw new NeuralUnavailableException("forecast.neural.device=gpu but the engine sees no GPU");
                }
                yield Device.gpu();
            }
            default -> e.getGpuCount() > 0 ? Device.gpu() : Device.cpu();
        };
    }
}
