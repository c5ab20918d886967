package io.flowcast.forecast.neural;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslateException;
import ai.djl.translate.TranslatorContext;
import ai.djl.util.Pair;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A loaded mixer: the network, its DJL {@link Model} and the manifest. Inference is batched
 * ({@link NeuralSettings#batchSize()} windows per forward pass); each calling thread gets its own
 * {@link Predictor} (DJL predictors are not thread-safe, the model is shared) and each batch's
 * arrays live in the predictor's per-call NDManager, freed when the call returns.
 */
public final class MixerModel implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final MixerNetwork network;
    private final Model model;
    private final NeuralSettings settings;
    private volatile MixerManifest manifest;
    private final ConcurrentLinkedQueue<Predictor<MixerBatch, float[]>> predictors = new ConcurrentLinkedQueue<>();
    private final ThreadLocal<Predictor<MixerBatch, float[]>> threadPredictor;

    private MixerModel(MixerNetwork network, Model model, NeuralSettings settings, MixerManifest manifest) {
        this.network = network;
        this.model = model;
        this.settings = settings;
        this.manifest = manifest;
        this.threadPredictor = ThreadLocal.withInitial(() -> {
            Predictor<MixerBatch, float[]> p = model.newPredictor(new Translator());
            predictors.add(p);
            return p;
        });
    }

    /** A freshly initialised network (weights from the engine's RNG, seeded by {@code seed}). */
    public static MixerModel create(MixerConfig config, NeuralSettings settings, long seed) {
        NeuralRuntime.engine(settings).setRandomSeed((int) seed);
        MixerNetwork network = new MixerNetwork(config);
        Model model = Model.newInstance("mixer", NeuralRuntime.device(settings), "PyTorch");
        model.setBlock(network);
        network.initialize(model.getNDManager(), DataType.FLOAT32, network.inputShapes());
        MixerModel created = new MixerModel(network, model, settings, null);
        created.reloadParameters();
        return created;
    }

    /**
     * Loads an artifact directory written by {@link #save}. The parameter file's sha256 is
     * checked against the manifest before any byte reaches the native engine.
     *
     * @throws NeuralUnavailableException naming the file when it is missing, corrupt or unreadable
     */
    public static MixerModel load(Path dir, NeuralSettings settings) {
        Path manifestFile = dir.resolve(MixerManifest.FILE);
        MixerManifest manifest;
        try {
            manifest = JSON.readValue(manifestFile.toFile(), MixerManifest.class);
        } catch (IOException e) {
            throw new NeuralUnavailableException("cannot read model manifest " + manifestFile + ": " + brief(e), e);
        }
        Path params = dir.resolve(manifest.paramsFile());
        String actual;
        try {
            actual = sha256(params);
        } catch (IOException e) {
            throw new NeuralUnavailableException("cannot read model parameters " + params + ": " + brief(e), e);
        }
        if (!actual.equals(manifest.paramsSha256())) {
            throw new NeuralUnavailableException("model parameters " + params + " are corrupt: sha256 " + actual
                    + " != manifest " + manifest.paramsSha256());
        }
        NeuralRuntime.engine(settings);
        MixerNetwork network = new MixerNetwork(manifest.architecture());
        Model model = Model.newInstance("mixer", NeuralRuntime.device(settings), "PyTorch");
        model.setBlock(network);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(params))) {
            network.loadParameters(model.getNDManager(), new DataInputStream(in));
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            throw new NeuralUnavailableException("cannot load model parameters " + params + ": " + brief(e), e);
        }
        return new MixerModel(network, model, settings, manifest);
    }

    /** Writes the parameters and the manifest (with the parameter file's sha256) to {@code dir}. */
    public MixerManifest save(Path dir, MixerManifest draft) throws IOException {
        Files.createDirectories(dir);
        Path params = dir.resolve(MixerManifest.PARAMS);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(params))) {
            network.saveParameters(new DataOutputStream(out));
        }
        MixerManifest m = new MixerManifest(draft.name(), network.config(), draft.training(), draft.parent(),
                draft.data(), draft.validation(), draft.trainingSeconds(), MixerManifest.PARAMS, sha256(params),
                parameterCount());
        JSON.writeValue(dir.resolve(MixerManifest.FILE).toFile(), m);
        manifest = m;
        return m;
    }

    public MixerConfig config() {
        return network.config();
    }

    /** The manifest it was loaded with or last saved as; null for a fresh, unsaved model. */
    public MixerManifest manifest() {
        return manifest;
    }

    public NeuralSettings settings() {
        return settings;
    }

    /**
     * Round-trips the weights through the parameter format in memory. Freshly initialised or
     * trained arrays can have another memory layout than loaded ones, and PyTorch then picks
     * other kernels whose sums differ in the last bits; after this, the in-process model and
     * the saved-then-loaded one give bit-identical forecasts.
     */
    void reloadParameters() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            network.saveParameters(new DataOutputStream(bytes));
            network.loadParameters(model.getNDManager(),
                    new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        } catch (IOException | MalformedModelException e) {
            throw new IllegalStateException("cannot copy mixer parameters", e);
        }
    }

    MixerNetwork network() {
        return network;
    }

    Model djlModel() {
        return model;
    }

    public long parameterCount() {
        long n = 0;
        for (Pair<String, Parameter> p : network.getParameters()) {
            n += p.getValue().getShape().size();
        }
        return n;
    }

    /** Forecasts every window (any number; split into batches of the configured size). */
    public List<QuantileForecast> predict(List<SeriesWindow> windows) {
        List<QuantileForecast> out = new ArrayList<>(windows.size());
        for (int from = 0; from < windows.size(); from += settings.batchSize()) {
            List<SeriesWindow> chunk = windows.subList(from, Math.min(windows.size(), from + settings.batchSize()));
            out.addAll(predictBatch(MixerBatch.encode(config(), chunk)));
        }
        return out;
    }

    /** One forward pass over an encoded batch, on this thread's predictor. */
    public List<QuantileForecast> predictBatch(MixerBatch batch) {
        try {
            return batch.decode(threadPredictor.get().predict(batch));
        } catch (TranslateException e) {
            throw new IllegalStateException("mixer inference failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        Predictor<MixerBatch, float[]> p;
        while ((p = predictors.poll()) != null) {
            p.close();
        }
        model.close();
    }

    public static String sha256(Path file) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (InputStream in = Files.newInputStream(file)) {
                byte[] buf = new byte[1 << 16];
                int n;
                while ((n = in.read(buf)) > 0) {
                    digest.update(buf, 0, n);
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String brief(Exception e) {
        return e instanceof NoSuchFileException ? "no such file" : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    /** Batch in, flat {@code (B, C, H, 3)} floats out; the context's manager holds the batch. */
    private static final class Translator implements NoBatchifyTranslator<MixerBatch, float[]> {
        @Override
        public NDList processInput(TranslatorContext ctx, MixerBatch input) {
            return input.toNDList(ctx.getNDManager());
        }

        @Override
        public float[] processOutput(TranslatorContext ctx, NDList list) {
            return list.head().toFloatArray();
        }
    }
}
