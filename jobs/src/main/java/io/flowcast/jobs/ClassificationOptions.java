package io.flowcast.jobs;

import io.flowcast.classify.AbcRanking;
import io.flowcast.classify.DemandClassifier;
import io.flowcast.config.FlowcastConfig;
import java.io.Serializable;

/** XYZ and ABC limits of DemandForecastJob's classes (keys {@code demand-forecast.xyz-*}, {@code abc-*}). */
public record ClassificationOptions(double xyzXLimit, double xyzYLimit, double abcAShare, double abcBShare) implements Serializable {

    public static final String XYZ_X_LIMIT = "demand-forecast.xyz-x-limit";
    public static final String XYZ_Y_LIMIT = "demand-forecast.xyz-y-limit";
    public static final String ABC_A_SHARE = "demand-forecast.abc-a-share";
    public static final String ABC_B_SHARE = "demand-forecast.abc-b-share";

    public static ClassificationOptions from(FlowcastConfig config) {
        return new ClassificationOptions(
                config.number(XYZ_X_LIMIT), config.number(XYZ_Y_LIMIT), config.number(ABC_A_SHARE), config.number(ABC_B_SHARE));
    }

    public DemandClassifier classifier() {
        return new DemandClassifier(xyzXLimit, xyzYLimit);
    }

    public AbcRanking abcRanking() {
        return new AbcRanking(abcAShare, abcBShare);
    }
}
