package io.flowcast.operators;

import io.flowcast.records.Delta;
import io.flowcast.records.KpiSnapshot;
import io.flowcast.records.SeriesKey;
import io.flowcast.records.SeriesKeyed;
import org.apache.flink.api.java.functions.KeySelector;

/** The key selectors of DemandForecastJob's per-series operators: all of them key by {@link SeriesKey}. */
public final class SeriesKeys {

    private SeriesKeys() {}

    /** Any record of one series (snapshots, signals, requests, forecasts, weekly points). */
    public static <T extends SeriesKeyed> KeySelector<T, SeriesKey> of() {
        return new BySeries<>();
    }

    /** Keys a record by its {@link SeriesKeyed#series()}. */
    public static final class BySeries<T extends SeriesKeyed> implements KeySelector<T, SeriesKey> {
        private static final long serialVersionUID = 1L;

        @Override
        public SeriesKey getKey(T record) {
            return record.series();
        }
    }

    /** Keys an order line's +1/-1 delta by the series of the line version. */
    public static final class ByDeltaSeries<T extends io.flowcast.records.Versioned & SeriesKeyed>
            implements KeySelector<Delta<T>, SeriesKey> {
        private static final long serialVersionUID = 1L;

        @Override
        public SeriesKey getKey(Delta<T> delta) {
            return delta.version().series();
        }
    }

    /** Keys a snapshot with its KPIs by the snapshot's series. */
    public static final class ByKpiSnapshot implements KeySelector<KpiSnapshot, SeriesKey> {
        private static final long serialVersionUID = 1L;

        @Override
        public SeriesKey getKey(KpiSnapshot snapshot) {
            return snapshot.snapshot().series();
        }
    }
}
