package io.flowcast.training;

import io.flowcast.router.OriginSample;
import java.util.List;

/**
 * One product x region prepared for training: its backtest samples, its shape features now
 * (for the cluster columns) and at the drift reference week (null without a reference).
 */
public record TrainingSeries(String productCode, String region, List<OriginSample> samples, double[] currentShape,
        double[] referenceShape) {
    public TrainingSeries {
        samples = List.copyOf(samples);
    }
}
