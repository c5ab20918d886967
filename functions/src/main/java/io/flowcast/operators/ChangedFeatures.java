package io.flowcast.operators;

import io.flowcast.records.DemandProfile;
import org.apache.flink.api.common.functions.FilterFunction;

/** Keeps profiles whose feature vector differs from the last one stored. */
public final class ChangedFeatures implements FilterFunction<DemandProfile> {

    private static final long serialVersionUID = 1L;

    @Override
    public boolean filter(DemandProfile profile) {
        return profile.featuresChanged();
    }
}
