package io.flowcast.forecast.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * A TinyTimeMixer-style network (Ekambaram et al. 2024, "Tiny Time Mixers"; the mixer blocks of
 * TSMixer, KDD 2023) on DJL.
 *
 * <p>Inputs (already instance-normalised by {@link InstanceScaler}): {@code past (B, C, L)},
 * {@code mask (B, L)} with 1 for observed steps and 0 for left padding, {@code region (B)} as
 * int64 indices (0 = unknown), and, when {@link MixerConfig#futureChannels()} > 0,
 * {@code future (B, H, F)} known-future covariates. Output: {@code (B, C, H, 3)} quantiles in
 * normalised units (low, median, high; monotone by construction).
 *
 * <p>Layout: patches of {@code patch} steps (values and mask side by side) are embedded into
 * tokens, a learned position and region embedding are added, then {@code layers} mixer layers
 * mix across patches and across token features, each with LayerNorm, GELU MLP, a softmax gate
 * ("gated attention" in TTM) and a residual. The decoder shrinks tokens, mixes the channels
 * (units and revenue inform each other), adds the covariate projection and ends in the
 * quantile head. Parameters whose names start with {@link #BACKBONE} are what selective
 * fine-tuning freezes; the decoder and head stay trainable.
 */
public final class MixerNetwork extends AbstractBlock {
    public static final String BACKBONE = "backbone.";
    public static final String DECODER = "decoder.";
    private static final byte VERSION = 1;
    private static final float LAYER_NORM_EPS = 1e-5f;

    private final MixerConfig config;
    private final Dense patchEmbedding;
    private final Parameter position;
    private final Parameter regionTable;
    private final List<MixerLayer> mixerLayers = new ArrayList<>();
    private final Norm decoderNorm;
    private final Dense shrink;
    private final Dense channelUp;
    private final Dense channelDown;
    private final Dense futureProjection;
    private final Dense head;

    public MixerNetwork(MixerConfig config) {
        super(VERSION);
        this.config = config;
        int d = config.hidden();
        int p = config.patches();
        patchEmbedding = new Dense(BACKBONE + "patch_embedding", 2 * config.patch(), d);
        position = addParameter(Parameter.builder().setName(BACKBONE + "position").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(p, d)).optInitializer(new NormalInitializer(0.02f)).build());
        regionTable = addParameter(Parameter.builder().setName(BACKBONE + "region_embedding")
                .setType(Parameter.Type.WEIGHT).optShape(new Shape(config.regionSlots(), d))
                .optInitializer(new NormalInitializer(0.02f)).build());
        for (int i = 0; i < config.layers(); i++) {
            mixerLayers.add(new MixerLayer(BACKBONE + "mixer" + i + ".", p, d, config.expansion()));
        }
        decoderNorm = new Norm(DECODER + "norm", d);
        shrink = new Dense(DECODER + "shrink", d, config.decoderHidden());
        int c = config.channels();
        channelUp = new Dense(DECODER + "channel_up", c, 2 * c);
        channelDown = new Dense(DECODER + "channel_down", 2 * c, c);
        int flat = p * config.decoderHidden();
        futureProjection = config.futureChannels() > 0
                ? new Dense(DECODER + "future", config.horizon() * config.futureChannels(), flat)
                : null;
        head = new Dense(DECODER + "head", flat, config.horizon() * 3);
    }

    public MixerConfig config() {
        return config;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray past = inputs.get(0);
        NDArray mask = inputs.get(1);
        NDArray region = inputs.get(2);
        long b = past.getShape().get(0);
        int c = config.channels();
        int p = config.patches();
        int s = config.patch();
        int d = config.hidden();
        NDArray values = past.reshape(b, c, p, s);
        NDArray maskPatches = mask.reshape(b, 1, p, s).broadcast(new Shape(b, c, p, s));
        NDArray x = patchEmbedding.apply(ps, values.concat(maskPatches, -1), training);
        x = x.add(value(ps, position, x, training));
        NDArray regionVectors = region.oneHot(config.regionSlots()).toType(x.getDataType(), false)
                .matMul(value(ps, regionTable, x, training));
        x = x.add(regionVectors.reshape(b, 1, 1, d));
        for (MixerLayer layer : mixerLayers) {
            x = layer.apply(ps, x, training);
        }
        NDArray z = shrink.apply(ps, decoderNorm.apply(ps, x, training), training).reshape(b, c, -1);
        // Channel mixing: an MLP across the channel axis with a residual.
        NDArray zc = z.transpose(0, 2, 1);
        NDArray mixed = channelDown.apply(ps, Activation.gelu(channelUp.apply(ps, zc, training)), training);
        z = zc.add(mixed).transpose(0, 2, 1);
        if (futureProjection != null) {
            NDArray future = inputs.get(3).reshape(b, -1);
            z = z.add(futureProjection.apply(ps, future, training).reshape(b, 1, -1));
        }
        NDArray raw = head.apply(ps, z, training).reshape(b, c, config.horizon(), 3);
        NDArray median = raw.get(":, :, :, 0");
        NDArray low = median.sub(Activation.softPlus(raw.get(":, :, :, 1")));
        NDArray high = median.add(Activation.softPlus(raw.get(":, :, :, 2")));
        return new NDList(NdOps.stackLast(low, median, high));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), config.channels(), config.horizon(), 3)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        // All parameters are direct (shapes fixed by the config); nothing to infer from inputs.
    }

    /** Input shapes for {@link #initialize}: a batch of one. */
    public Shape[] inputShapes() {
        List<Shape> shapes = new ArrayList<>(List.of(new Shape(1, config.channels(), config.context()),
                new Shape(1, config.context()), new Shape(1)));
        if (config.futureChannels() > 0) {
            shapes.add(new Shape(1, config.horizon(), config.futureChannels()));
        }
        return shapes.toArray(new Shape[0]);
    }

    private static NDArray value(ParameterStore ps, Parameter parameter, NDArray like, boolean training) {
        return ps.getValue(parameter, like.getDevice(), training);
    }

    /** A fully connected layer over the last axis. */
    private final class Dense {
        private final Parameter weight;
        private final Parameter bias;

        Dense(String name, int in, int out) {
            weight = addParameter(Parameter.builder().setName(name + ".weight").setType(Parameter.Type.WEIGHT)
                    .optShape(new Shape(out, in)).optInitializer(new XavierInitializer()).build());
            bias = addParameter(Parameter.builder().setName(name + ".bias").setType(Parameter.Type.BIAS)
                    .optShape(new Shape(out)).optInitializer(new ConstantInitializer(0f)).build());
        }

        NDArray apply(ParameterStore ps, NDArray x, boolean training) {
            return Linear.linear(x, value(ps, weight, x, training), value(ps, bias, x, training)).head();
        }
    }

    /** LayerNorm over the last axis. */
    private final class Norm {
        private final Parameter gamma;
        private final Parameter beta;
        private final int width;

        Norm(String name, int width) {
            this.width = width;
            gamma = addParameter(Parameter.builder().setName(name + ".gamma").setType(Parameter.Type.GAMMA)
                    .optShape(new Shape(width)).optInitializer(new ConstantInitializer(1f)).build());
            beta = addParameter(Parameter.builder().setName(name + ".beta").setType(Parameter.Type.BETA)
                    .optShape(new Shape(width)).optInitializer(new ConstantInitializer(0f)).build());
        }

        NDArray apply(ParameterStore ps, NDArray x, boolean training) {
            return LayerNorm.layerNorm(x, new Shape(width), value(ps, gamma, x, training),
                    value(ps, beta, x, training), LAYER_NORM_EPS).head();
        }
    }

    /** An MLP with a softmax gate over the last axis: gelu MLP, then out * softmax(W out). */
    private final class GatedMlp {
        private final Dense up;
        private final Dense down;
        private final Dense gate;

        GatedMlp(String name, int width, int expansion) {
            up = new Dense(name + ".up", width, width * expansion);
            down = new Dense(name + ".down", width * expansion, width);
            gate = new Dense(name + ".gate", width, width);
        }

        NDArray apply(ParameterStore ps, NDArray x, boolean training) {
            NDArray h = down.apply(ps, Activation.gelu(up.apply(ps, x, training)), training);
            return h.mul(gate.apply(ps, h, training).softmax(-1));
        }
    }

    /** Patch mixing (across the patch axis) then feature mixing (across token features). */
    private final class MixerLayer {
        private final Norm patchNorm;
        private final GatedMlp patchMixing;
        private final Norm featureNorm;
        private final GatedMlp featureMixing;

        MixerLayer(String name, int patches, int width, int expansion) {
            patchNorm = new Norm(name + "patch_norm", width);
            patchMixing = new GatedMlp(name + "patch_mlp", patches, expansion);
            featureNorm = new Norm(name + "feature_norm", width);
            featureMixing = new GatedMlp(name + "feature_mlp", width, expansion);
        }

        NDArray apply(ParameterStore ps, NDArray x, boolean training) {
            NDArray acrossPatches = patchNorm.apply(ps, x, training).transpose(0, 1, 3, 2);
            x = x.add(patchMixing.apply(ps, acrossPatches, training).transpose(0, 1, 3, 2));
            return x.add(featureMixing.apply(ps, featureNorm.apply(ps, x, training), training));
        }
    }
}
