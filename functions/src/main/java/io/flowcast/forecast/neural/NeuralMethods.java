package io.flowcast.forecast.neural;

import io.flowcast.forecast.ForecastMethod;
import io.flowcast.forecast.MethodRegistry;
import io.flowcast.forecast.methods.AutoMethod;
import io.flowcast.forecast.methods.ThetaMethod;

/**
 * Adds the neural methods to a registry: {@code mixer-zs} (the pretrained model as it is),
 * {@code mixer} (fine-tuned on the caller's data) and {@code auto-mixer} (auto with the mixer in
 * its regular pool). Each falls back to theta, so a missing model still forecasts, with the
 * reason in the explanation.
 */
public final class NeuralMethods {
    public static final String AUTO_MIXER = "auto-mixer";

    private NeuralMethods() {}

    public static MethodRegistry register(MethodRegistry base, ForecastMethod zeroShot, ForecastMethod fineTuned) {
        AutoMethod auto = (AutoMethod) base.get(MethodRegistry.AUTO);
        return base.with(zeroShot, ThetaMethod.NAME)
                .with(fineTuned, ThetaMethod.NAME)
                .with(auto.withRegularCandidate(AUTO_MIXER, fineTuned), ThetaMethod.NAME);
    }

    /** Whether a method list needs the neural model loaded. */
    public static boolean needed(java.util.Collection<String> methods) {
        return methods.contains(MixerMethod.FINE_TUNED) || methods.contains(MixerMethod.ZERO_SHOT)
                || methods.contains(AUTO_MIXER);
    }
}
