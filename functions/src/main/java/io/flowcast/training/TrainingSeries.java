package io.flowcast.training;

import io.flowcast.router.OriginSample;

/**
 * One product x region prepared for training: its backtest samples, its shape features now
 * (for the cluster columns) and at the drift reference week (null without a reference), and the
 * rule-based engine's ({@code auto}) forecast from the evaluation origin (the bar a first router
 * must clear). Arrays,
 * not lists: the record crosses the network between the backtests and the training task, and
 * Flink serializes arrays of POJOs itself (a List would fall back to Kryo).
 */
public record TrainingSeries(String productCode, String region, OriginSample[] samples, double[] currentShape,
        double[] referenceShape, double[] rulesForecast) {}
