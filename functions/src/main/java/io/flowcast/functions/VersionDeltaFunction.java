package io.flowcast.functions;

import io.flowcast.records.Delta;
import io.flowcast.records.Versioned;
import java.time.Duration;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by a row's natural key: turns inserts, updates and deletes into +1/-1 {@link Delta}s for
 * downstream aggregates, by remembering each row's last version.
 *
 * <p>Remembering the version in state (rather than trusting Debezium's before-image) keeps the
 * aggregates right when the source table lacks {@code REPLICA IDENTITY FULL} and the before-image
 * has only the key, and makes a replayed version (the same one again) a no-op. Versions expire
 * after {@code stateTtl}; a change to a row older than that is counted as new.
 */
public final class VersionDeltaFunction<K, T extends Versioned> extends KeyedProcessFunction<K, T, Delta<T>>
        implements ResultTypeQueryable<Delta<T>> {

    private static final long serialVersionUID = 1L;

    static final String LAST_VERSION = "last-version";

    private final Class<T> versionType;
    private final Duration stateTtl;
    private transient ValueState<T> lastVersion;

    public VersionDeltaFunction(Class<T> versionType, Duration stateTtl) {
        this.versionType = versionType;
        this.stateTtl = stateTtl;
    }

    @Override
    public void open(OpenContext openContext) {
        ValueStateDescriptor<T> descriptor = new ValueStateDescriptor<>(LAST_VERSION, versionType);
        descriptor.enableTimeToLive(StateTtlConfig.newBuilder(stateTtl).build());
        lastVersion = getRuntimeContext().getState(descriptor);
    }

    /** The output type, which erasure hides from Flink's type extraction. */
    @Override
    public TypeInformation<Delta<T>> getProducedType() {
        return deltaType(versionType);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <T extends Versioned> TypeInformation<Delta<T>> deltaType(Class<T> versionType) {
        return (TypeInformation) Types.POJO(Delta.class, Map.of("sign", Types.INT, "version", TypeInformation.of(versionType)));
    }

    @Override
    public void processElement(T version, Context ctx, Collector<Delta<T>> out) throws Exception {
        T previous = lastVersion.value();
        if (version.delete()) {
            if (previous != null) {
                out.collect(new Delta<>(-1, previous));
                lastVersion.clear();
            }
            return;
        }
        if (version.equals(previous)) {
            return;
        }
        if (previous != null) {
            out.collect(new Delta<>(-1, previous));
        }
        out.collect(new Delta<>(+1, version));
        lastVersion.update(version);
    }
}
