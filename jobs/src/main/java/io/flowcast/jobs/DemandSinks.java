package io.flowcast.jobs;

import io.flowcast.records.AbcClass;
import io.flowcast.records.AccuracyAlert;
import io.flowcast.records.AccuracyRow;
import io.flowcast.records.DeadLetter;
import io.flowcast.records.DemandProfile;
import io.flowcast.records.ForecastError;
import io.flowcast.records.PredictionRow;
import io.flowcast.records.RedisWrite;
import io.flowcast.records.WeeklyPoint;
import io.flowcast.sinks.AbcClassesTable;
import io.flowcast.sinks.AccuracyAlertSink;
import io.flowcast.sinks.ClassificationResultsTable;
import io.flowcast.sinks.DeadLetterSink;
import io.flowcast.sinks.FeatureStoreTable;
import io.flowcast.sinks.ForecastAccuracyTable;
import io.flowcast.sinks.ForecastErrorsTable;
import io.flowcast.sinks.PostgresOptions;
import io.flowcast.sinks.PredictionResultsTable;
import io.flowcast.sinks.RedisOptions;
import io.flowcast.sinks.RedisSink;
import io.flowcast.sinks.UnnestSink;
import io.flowcast.sinks.WeeklySalesTable;
import org.apache.flink.api.connector.sink2.Sink;

/**
 * Where DemandForecastJob writes, one sink per output: {@link #production} writes PostgreSQL and
 * Redis; a test can pass its own (STYLE 1: sources and sinks are parameters of the wiring). Each
 * call makes a new sink instance (a sink is used once in the graph).
 */
public interface DemandSinks {

    Sink<DeadLetter> deadLetters();

    Sink<WeeklyPoint> weeklySales();

    Sink<PredictionRow> predictions();

    Sink<AbcClass> abcClasses();

    Sink<DemandProfile> features();

    Sink<DemandProfile> classifications();

    Sink<ForecastError> forecastErrors();

    Sink<AccuracyRow> accuracy();

    Sink<AccuracyAlert> accuracyAlerts();

    /** The ml:* Redis caches (forecasts, features, classes). */
    Sink<RedisWrite> redis();

    /** Models the stream activated or rejected (hot swap). */
    Sink<io.flowcast.records.ModelAlert> modelAlerts();

    /** PostgreSQL (set-based upserts for the high-volume tables) and Redis (pipelined). */
    static DemandSinks production(PostgresOptions pg, RedisOptions redisOptions) {
        return new DemandSinks() {
            @Override
            public Sink<DeadLetter> deadLetters() {
                return DeadLetterSink.create(pg);
            }

            @Override
            public Sink<WeeklyPoint> weeklySales() {
                return new UnnestSink<>(new WeeklySalesTable(), pg);
            }

            @Override
            public Sink<PredictionRow> predictions() {
                return new UnnestSink<>(new PredictionResultsTable(), pg);
            }

            @Override
            public Sink<AbcClass> abcClasses() {
                return new UnnestSink<>(new AbcClassesTable(), pg);
            }

            @Override
            public Sink<DemandProfile> features() {
                return new UnnestSink<>(new FeatureStoreTable(), pg);
            }

            @Override
            public Sink<DemandProfile> classifications() {
                return new UnnestSink<>(new ClassificationResultsTable(), pg);
            }

            @Override
            public Sink<ForecastError> forecastErrors() {
                return new UnnestSink<>(new ForecastErrorsTable(), pg);
            }

            @Override
            public Sink<AccuracyRow> accuracy() {
                return new UnnestSink<>(new ForecastAccuracyTable(), pg);
            }

            @Override
            public Sink<AccuracyAlert> accuracyAlerts() {
                return AccuracyAlertSink.create(pg);
            }

            @Override
            public Sink<io.flowcast.records.ModelAlert> modelAlerts() {
                return io.flowcast.sinks.ModelAlertSink.create(pg);
            }

            @Override
            public Sink<RedisWrite> redis() {
                return new RedisSink(redisOptions);
            }
        };
    }
}
