package io.flowcast.sinks;

import io.flowcast.records.AbcClass;
import io.flowcast.records.AccuracyAlert;
import io.flowcast.records.AccuracyRow;
import io.flowcast.records.DeadLetter;
import io.flowcast.records.DemandProfile;
import io.flowcast.records.ForecastError;
import io.flowcast.records.InventoryAlert;
import io.flowcast.records.QualityEvent;
import io.flowcast.records.WeeklyPoint;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import org.apache.flink.connector.jdbc.JdbcConnectionOptions;
import org.apache.flink.connector.jdbc.JdbcExecutionOptions;
import org.apache.flink.connector.jdbc.JdbcStatementBuilder;
import org.apache.flink.connector.jdbc.core.datastream.sink.JdbcSink;

/**
 * flink-connector-jdbc sinks for the low-volume tables ({@code dead_letter},
 * {@code inventory_alerts}, {@code data_quality_events}). Each row's primary key is derived from
 * its input (Kafka position, triggering change, check window), and {@code ON CONFLICT} absorbs
 * replays after a restart.
 */
public final class JdbcSinks {

    static final String DEAD_LETTER_SQL =
            "INSERT INTO flowcast.dead_letter (job, source_topic, source_partition, source_offset, reason, detail,"
                    + " record_key, payload, payload_bytes, kafka_ts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT DO NOTHING";

    static final String ALERT_SQL =
            "INSERT INTO flowcast.inventory_alerts (product_code, warehouse, alert_type, event_time, on_hand, min_stock,"
                    + " source_topic, source_partition, source_offset) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT DO NOTHING";

    static final String QUALITY_SQL =
            "INSERT INTO flowcast.data_quality_events (job, check_name, table_name, window_start, window_end, passed,"
                    + " observed, threshold, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)"
                    + " ON CONFLICT (job, check_name, table_name, window_start) DO UPDATE SET window_end = EXCLUDED.window_end,"
                    + " passed = EXCLUDED.passed, observed = EXCLUDED.observed, threshold = EXCLUDED.threshold,"
                    + " details = EXCLUDED.details, created_at = now()";

    static final String WEEKLY_SQL =
            "INSERT INTO flowcast.weekly_sales (product_code, region, week_start, units, revenue) VALUES (?, ?, ?, ?, ?)"
                    + " ON CONFLICT (product_code, region, week_start) DO UPDATE SET units = EXCLUDED.units,"
                    + " revenue = EXCLUDED.revenue, updated_at = now(),"
                    + " corrections = weekly_sales.corrections"
                    + " + CASE WHEN (weekly_sales.units, weekly_sales.revenue) IS DISTINCT FROM (EXCLUDED.units, EXCLUDED.revenue)"
                    + " THEN 1 ELSE 0 END";

    static final String FEATURE_SQL =
            "INSERT INTO flowcast.feature_store (product_code, region, as_of_week, features, quality_score, content_hash)"
                    + " VALUES (?, ?, ?, ?::jsonb, ?, ?) ON CONFLICT (product_code, region) DO UPDATE SET"
                    + " as_of_week = EXCLUDED.as_of_week, features = EXCLUDED.features, quality_score = EXCLUDED.quality_score,"
                    + " content_hash = EXCLUDED.content_hash, updated_at = now()"
                    + " WHERE feature_store.as_of_week <= EXCLUDED.as_of_week";

    static final String CLASSIFICATION_SQL =
            "INSERT INTO flowcast.classification_results (product_code, region, as_of_week, xyz, pattern, adi, cv2, cv)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (product_code, region, as_of_week) DO UPDATE SET"
                    + " xyz = EXCLUDED.xyz, pattern = EXCLUDED.pattern, adi = EXCLUDED.adi, cv2 = EXCLUDED.cv2, cv = EXCLUDED.cv";

    static final String ABC_SQL =
            "INSERT INTO flowcast.abc_classes (product_code, as_of_week, abc, revenue_share) VALUES (?, ?, ?, ?)"
                    + " ON CONFLICT (product_code, as_of_week) DO UPDATE SET abc = EXCLUDED.abc, revenue_share = EXCLUDED.revenue_share";

    static final String FORECAST_ERROR_SQL =
            "INSERT INTO flowcast.forecast_errors (product_code, region, target_week, channel, origin_week, lead_weeks,"
                    + " method, model_version, actual, forecast) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT (product_code, region, target_week, channel) DO UPDATE SET origin_week = EXCLUDED.origin_week,"
                    + " lead_weeks = EXCLUDED.lead_weeks, method = EXCLUDED.method, model_version = EXCLUDED.model_version,"
                    + " actual = EXCLUDED.actual, forecast = EXCLUDED.forecast, updated_at = now()";

    static final String ACCURACY_SQL =
            "INSERT INTO flowcast.forecast_accuracy (scope, scope_key, as_of_week, channel, window_days, samples, mae, mape, r2)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (scope, scope_key, as_of_week, channel) DO UPDATE SET"
                    + " window_days = EXCLUDED.window_days, samples = EXCLUDED.samples, mae = EXCLUDED.mae,"
                    + " mape = EXCLUDED.mape, r2 = EXCLUDED.r2, updated_at = now()";

    /** Raises (upserts) or clears (deletes) one alert: one statement, so it batches like the others. */
    static final String ACCURACY_ALERT_SQL =
            "WITH cleared AS (DELETE FROM flowcast.forecast_accuracy_alerts WHERE product_code = ? AND as_of_week = ?"
                    + " AND channel = ? AND NOT ?)"
                    + " INSERT INTO flowcast.forecast_accuracy_alerts (product_code, as_of_week, channel, mape, threshold, samples)"
                    + " SELECT ?, ?, ?, ?, ?, ? WHERE ? ON CONFLICT (product_code, as_of_week, channel) DO UPDATE SET"
                    + " mape = EXCLUDED.mape, threshold = EXCLUDED.threshold, samples = EXCLUDED.samples";

    private JdbcSinks() {}

    /** Forecasts met by their actuals, one row per series, target week and channel. */
    public static JdbcSink<ForecastError> forecastErrors(PostgresOptions options) {
        return sink(FORECAST_ERROR_SQL, new ForecastErrorBinder(), options);
    }

    /** Rolling accuracy per product or region, week and channel. */
    public static JdbcSink<AccuracyRow> accuracy(PostgresOptions options) {
        return sink(ACCURACY_SQL, new AccuracyBinder(), options);
    }

    /** Products whose MAPE passed the threshold, per week and channel (cleared when a recomputation says otherwise). */
    public static JdbcSink<AccuracyAlert> accuracyAlerts(PostgresOptions options) {
        return sink(ACCURACY_ALERT_SQL, new AccuracyAlertBinder(), options);
    }

    /** ABC classes per product and week (a re-ranking of the same week overwrites it). */
    public static JdbcSink<AbcClass> abcClasses(PostgresOptions options) {
        return sink(ABC_SQL, new AbcBinder(), options);
    }

    /** Changed feature vectors (the caller filters unchanged ones), latest week wins. */
    public static JdbcSink<DemandProfile> features(PostgresOptions options) {
        return sink(FEATURE_SQL, new FeatureBinder(), options);
    }

    /** One classification row per series and closed week. */
    public static JdbcSink<DemandProfile> classifications(PostgresOptions options) {
        return sink(CLASSIFICATION_SQL, new ClassificationBinder(), options);
    }

    /** Weekly totals, upserted by series and week (a replay rewrites the same values). */
    public static JdbcSink<WeeklyPoint> weeklySales(PostgresOptions options) {
        return sink(WEEKLY_SQL, new WeeklyPointBinder(), options);
    }

    public static JdbcSink<QualityEvent> qualityEvents(PostgresOptions options) {
        return sink(QUALITY_SQL, new QualityEventBinder(), options);
    }

    public static JdbcSink<DeadLetter> deadLetters(PostgresOptions options) {
        return sink(DEAD_LETTER_SQL, new DeadLetterBinder(), options);
    }

    public static JdbcSink<InventoryAlert> alerts(PostgresOptions options) {
        return sink(ALERT_SQL, new AlertBinder(), options);
    }

    /** At-least-once JDBC sink of one statement; idempotence comes from the statement's ON CONFLICT. */
    private static <T> JdbcSink<T> sink(String sql, JdbcStatementBuilder<T> binder, PostgresOptions options) {
        return JdbcSink.<T>builder()
                .withQueryStatement(sql, binder)
                .withExecutionOptions(executionOptions(options))
                .buildAtLeastOnce(connectionOptions(options));
    }

    private static JdbcExecutionOptions executionOptions(PostgresOptions options) {
        return JdbcExecutionOptions.builder()
                .withBatchSize(options.batchSize())
                .withBatchIntervalMs(options.flushIntervalMillis())
                .withMaxRetries(options.maxRetries())
                .build();
    }

    private static JdbcConnectionOptions connectionOptions(PostgresOptions options) {
        JdbcConnectionOptions.JdbcConnectionOptionsBuilder builder =
                new JdbcConnectionOptions.JdbcConnectionOptionsBuilder()
                        .withUrl(options.url())
                        .withDriverName("org.postgresql.Driver");
        if (options.user() != null) {
            builder.withUsername(options.user());
        }
        if (options.password() != null && !options.password().isEmpty()) {
            builder.withPassword(options.password());
        }
        return builder.build();
    }

    static final class DeadLetterBinder implements JdbcStatementBuilder<DeadLetter> {
        private static final long serialVersionUID = 1L;

        @Override
        public void accept(PreparedStatement ps, DeadLetter d) throws SQLException {
            ps.setString(1, d.job());
            ps.setString(2, d.topic());
            ps.setInt(3, d.partition());
            ps.setLong(4, d.offset());
            ps.setString(5, d.reason().name());
            ps.setString(6, d.detail());
            ps.setString(7, d.recordKey());
            ps.setString(8, d.payload());
            ps.setInt(9, d.payloadBytes());
            if (d.kafkaTimestampMillis() >= 0) {
                ps.setTimestamp(10, new Timestamp(d.kafkaTimestampMillis()));
            } else {
                ps.setNull(10, Types.TIMESTAMP_WITH_TIMEZONE);
            }
        }
    }

    static final class AlertBinder implements JdbcStatementBuilder<InventoryAlert> {
        private static final long serialVersionUID = 1L;

        @Override
        public void accept(PreparedStatement ps, InventoryAlert a) throws SQLException {
            ps.setString(1, a.productCode());
            ps.setString(2, a.warehouse());
            ps.setString(3, a.alertType());
            ps.setTimestamp(4, new Timestamp(a.eventTimeMillis()));
            ps.setBigDecimal(5, a.onHand());
            ps.setBigDecimal(6, a.minStock());
            ps.setString(7, a.sourceTopic());
            ps.setInt(8, a.sourcePartition());
            ps.setLong(9, a.sourceOffset());
        }
    }

    static final class QualityEventBinder implements JdbcStatementBuilder<QualityEvent> {
        private static final long serialVersionUID = 1L;

        @Override
        public void accept(PreparedStatement ps, QualityEvent e) throws SQLException {
            ps.setString(1, e.job());
            ps.setString(2, e.checkName());
            ps.setString(3, e.table());
            ps.setTimestamp(4, new Timestamp(e.windowStartMillis()));
            ps.setTimestamp(5, new Timestamp(e.windowEndMillis()));
            ps.setBoolean(6, e.passed());
            ps.setDouble(7, e.observed());
            ps.setDouble(8, e.threshold());
            ps.setString(9, e.details());
        }
    }

    static final class WeeklyPointBinder implements JdbcStatementBuilder<WeeklyPoint> {
        private static final long serialVersionUID = 1L;

        @Override
        public void accept(PreparedStatement ps, WeeklyPoint p) throws SQLException {
            ps.setString(1, p.productCode());
            ps.setString(2, p.region());
            ps.setObject(3, java.time.LocalDate.ofEpochDay(p.weekStartEpochDay()));
            ps.setBigDecimal(4, p.units());
            ps.setBigDecimal(5, p.revenue());
        }
    }

    static final class FeatureBinder implements JdbcStatementBuilder<DemandProfile> {
        private static final long serialVersionUID = 1L;

        @Override
        public void accept(PreparedStatement ps, DemandProfile p) throws SQLException {
            ps.setString(1, p.productCode());
            ps.setString(2, p.region());
            ps.setObject(3, java.time.LocalDate.ofEpochDay(p.weekStartEpochDay()));
            ps.setString(4, p.featuresJson());
            ps.setDouble(5, p.features().qualityScore());
            ps.setString(6, p.contentHash());
        }
    }

    static final class ClassificationBinder implements JdbcStatementBuilder<DemandProfile> {
        private static final long serialVersionUID = 1L;

        @Override
        public void accept(PreparedStatement ps, DemandProfile p) throws SQLException {
            ps.setString(1, p.productCode());
            ps.setString(2, p.region());
            ps.setObject(3, java.time.LocalDate.ofEpochDay(p.weekStartEpochDay()));
            ps.setString(4, p.xyz());
            ps.setString(5, p.pattern());
            if (Double.isInfinite(p.features().adi())) {
                ps.setNull(6, Types.DOUBLE);
            } else {
                ps.setDouble(6, p.features().adi());
            }
            ps.setDouble(7, p.features().cv2());
            ps.setDouble(8, p.features().cv());
        }
    }

    static final class AbcBinder implements JdbcStatementBuilder<AbcClass> {
        private static final long serialVersionUID = 1L;

        @Override
        public void accept(PreparedStatement ps, AbcClass a) throws SQLException {
            ps.setString(1, a.productCode());
            ps.setObject(2, java.time.LocalDate.ofEpochDay(a.weekStartEpochDay()));
            ps.setString(3, String.valueOf(a.abc()));
            ps.setDouble(4, a.revenueShare());
        }
    }

    static final class ForecastErrorBinder implements JdbcStatementBuilder<ForecastError> {
        private static final long serialVersionUID = 1L;

        @Override
        public void accept(PreparedStatement ps, ForecastError e) throws SQLException {
            ps.setString(1, e.productCode());
            ps.setString(2, e.region());
            ps.setObject(3, java.time.LocalDate.ofEpochDay(e.targetWeekEpochDay()));
            ps.setString(4, e.channel());
            ps.setObject(5, java.time.LocalDate.ofEpochDay(e.originWeekEpochDay()));
            ps.setInt(6, e.leadWeeks());
            ps.setString(7, e.method());
            ps.setString(8, e.modelVersion());
            ps.setDouble(9, e.actual());
            ps.setDouble(10, e.forecast());
        }
    }

    static final class AccuracyBinder implements JdbcStatementBuilder<AccuracyRow> {
        private static final long serialVersionUID = 1L;

        @Override
        public void accept(PreparedStatement ps, AccuracyRow a) throws SQLException {
            ps.setString(1, a.scope());
            ps.setString(2, a.scopeKey());
            ps.setObject(3, java.time.LocalDate.ofEpochDay(a.asOfWeekEpochDay()));
            ps.setString(4, a.channel());
            ps.setInt(5, a.windowDays());
            ps.setInt(6, a.samples());
            ps.setDouble(7, a.mae());
            setFinite(ps, 8, a.mape());
            setFinite(ps, 9, a.r2());
        }
    }

    static final class AccuracyAlertBinder implements JdbcStatementBuilder<AccuracyAlert> {
        private static final long serialVersionUID = 1L;

        @Override
        public void accept(PreparedStatement ps, AccuracyAlert a) throws SQLException {
            java.time.LocalDate week = java.time.LocalDate.ofEpochDay(a.asOfWeekEpochDay());
            ps.setString(1, a.productCode());
            ps.setObject(2, week);
            ps.setString(3, a.channel());
            ps.setBoolean(4, a.raised());
            ps.setString(5, a.productCode());
            ps.setObject(6, week);
            ps.setString(7, a.channel());
            setFinite(ps, 8, a.mape());
            ps.setDouble(9, a.threshold());
            ps.setInt(10, a.samples());
            ps.setBoolean(11, a.raised());
        }
    }

    /** A measure that can be undefined (NaN, infinite) is written as NULL. */
    private static void setFinite(PreparedStatement ps, int index, double value) throws SQLException {
        if (Double.isFinite(value)) {
            ps.setDouble(index, value);
        } else {
            ps.setNull(index, Types.DOUBLE);
        }
    }
}
