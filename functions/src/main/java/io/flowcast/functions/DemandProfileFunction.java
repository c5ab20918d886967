package io.flowcast.functions;

import io.flowcast.classify.DemandClassifier;
import io.flowcast.features.DemandFeatures;
import io.flowcast.features.FeatureExtractor;
import io.flowcast.features.FeatureJson;
import io.flowcast.records.DemandProfile;
import io.flowcast.records.SeriesSnapshot;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by series: features and demand classes at each week close. Remembers the content hash of
 * the last stored feature vector so that an unchanged vector is not rewritten.
 */
public final class DemandProfileFunction extends KeyedProcessFunction<String, SeriesSnapshot, DemandProfile> {

    private static final long serialVersionUID = 1L;

    static final String LAST_HASH = "last-feature-hash";

    private final DemandClassifier classifier;
    private transient ValueState<String> lastHash;

    public DemandProfileFunction(double xLimit, double yLimit) {
        this.classifier = new DemandClassifier(xLimit, yLimit);
    }

    @Override
    public void open(OpenContext openContext) {
        lastHash = getRuntimeContext().getState(new ValueStateDescriptor<>(LAST_HASH, Types.STRING));
    }

    @Override
    public void processElement(SeriesSnapshot snapshot, Context ctx, Collector<DemandProfile> out) throws Exception {
        DemandFeatures features = FeatureExtractor.extract(snapshot.units());
        String json = FeatureJson.toJson(features);
        String hash = FeatureJson.contentHash(json);
        boolean changed = !hash.equals(lastHash.value());
        if (changed) {
            lastHash.update(hash);
        }
        out.collect(new DemandProfile(snapshot.productCode(), snapshot.region(), snapshot.weekStartEpochDay(), features,
                DemandClassifier.pattern(features).name(), classifier.xyz(features).name(), json, hash, changed));
    }
}
