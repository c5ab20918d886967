package io.flowcast.operators;

import io.flowcast.classify.DemandClassifier;
import io.flowcast.features.DemandFeatures;
import io.flowcast.features.FeatureExtractor;
import io.flowcast.features.FeatureJson;
import io.flowcast.records.DemandProfile;
import io.flowcast.records.KpiSnapshot;
import io.flowcast.records.SeriesKey;
import io.flowcast.records.SeriesSnapshot;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by series: features (demand shape and inventory KPIs) and demand classes at each week
 * close. Remembers the content hash of the last stored feature vector so that an unchanged vector
 * is not rewritten. The quality score of a vector without stock data is lowered
 * ({@link FeatureExtractor#withInventory}); the classes depend on the demand shape only.
 */
public final class DemandProfileFunction extends KeyedProcessFunction<SeriesKey, KpiSnapshot, DemandProfile> {

    private static final long serialVersionUID = 1L;

    static final String LAST_HASH = "last-feature-hash";

    private final DemandClassifier classifier;
    private transient ValueState<String> lastHash;

    public DemandProfileFunction(DemandClassifier classifier) {
        this.classifier = classifier;
    }

    @Override
    public void open(OpenContext openContext) {
        lastHash = getRuntimeContext().getState(new ValueStateDescriptor<>(LAST_HASH, Types.STRING));
    }

    @Override
    public void processElement(KpiSnapshot input, Context ctx, Collector<DemandProfile> out) throws Exception {
        SeriesSnapshot snapshot = input.snapshot();
        DemandFeatures features = FeatureExtractor.withInventory(snapshot.features(), input.kpis());
        String json = FeatureJson.toJson(features, input.kpis());
        String hash = FeatureJson.contentHash(json);
        boolean changed = !hash.equals(lastHash.value());
        if (changed) {
            lastHash.update(hash);
        }
        out.collect(new DemandProfile(snapshot.productCode(), snapshot.region(), snapshot.weekStartEpochDay(), features,
                DemandClassifier.pattern(features).name(), classifier.xyz(features).name(), json, hash, changed));
    }
}
