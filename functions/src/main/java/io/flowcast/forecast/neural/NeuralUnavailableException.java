package io.flowcast.forecast.neural;

/**
 * The neural model cannot be used (native library missing, model file missing or corrupt). An
 * {@link IllegalArgumentException} so the forecaster's fallback chain turns it into a reported
 * fallback to the statistical methods.
 */
public final class NeuralUnavailableException extends IllegalArgumentException {
    public NeuralUnavailableException(String message) {
        super(message);
    }

    public NeuralUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
