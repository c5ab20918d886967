package io.flowcast.forecast.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;
import java.util.List;

/**
 * Mean pinball (quantile) loss over channels, steps and the head's quantiles. Labels are
 * {@code [target (B, C, H), weight (B, C, H)]}: weight 0 marks steps with no observation (a
 * window near the end of the training part), so windows need not have a full horizon.
 */
public final class PinballLoss extends Loss {
    private final float[] quantiles;

    public PinballLoss(List<Double> quantiles) {
        super("pinball");
        this.quantiles = new float[quantiles.size()];
        for (int i = 0; i < this.quantiles.length; i++) {
            this.quantiles[i] = quantiles.get(i).floatValue();
        }
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray target = labels.get(0).expandDims(-1);
        NDArray weight = labels.get(1).expandDims(-1);
        NDArray pred = predictions.head();
        NDArray q = pred.getManager().create(quantiles);
        NDArray diff = target.sub(pred);
        NDArray loss = diff.mul(q).maximum(diff.mul(q.sub(1f))).mul(weight);
        return loss.sum().div(weight.sum().mul(quantiles.length).add(1e-6f));
    }
}
