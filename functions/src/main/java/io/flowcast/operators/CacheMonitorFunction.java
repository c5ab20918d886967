package io.flowcast.operators;

import io.flowcast.cache.CacheCheck;
import io.flowcast.cache.CacheGauges;
import io.flowcast.cache.CacheMonitorOptions;
import io.flowcast.cache.CacheReport;
import io.flowcast.cache.CacheStatsStore;
import io.flowcast.sinks.PostgresOptions;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.RedisClient;

/**
 * The cache survey of {@code flowcast cache stats} inside a job: each tick surveys Redis, stores
 * the report and its checks ({@code cache_stats}, {@code data_quality_events}) and exposes the
 * figures as gauges ({@link CacheGauges}; per family in a {@code family} group). Emits the number
 * of failed checks.
 *
 * <p>Monitoring must not stop the job it watches: a survey that fails (Redis or PostgreSQL
 * unreachable) is logged and counted ({@code cacheSurveyFailures}) and the next tick tries again
 * with new connections. Run it with parallelism 1.
 */
public final class CacheMonitorFunction extends RichMapFunction<Long, Integer> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(CacheMonitorFunction.class);

    private final CacheMonitorOptions options;
    private final String redisUri;
    private final PostgresOptions postgres;
    private final CacheGauges gauges = new CacheGauges();
    private transient RedisClient redis;
    private transient Connection connection;
    private transient CacheReport previous;
    private transient Counter failures;

    public CacheMonitorFunction(CacheMonitorOptions options, String redisUri, PostgresOptions postgres) {
        this.options = options;
        this.redisUri = redisUri;
        this.postgres = postgres;
    }

    @Override
    public void open(OpenContext openContext) {
        MetricGroup metrics = getRuntimeContext().getMetricGroup();
        failures = metrics.counter("cacheSurveyFailures");
        CacheGauges.SERVER.keySet().forEach(name -> metrics.gauge(name, (Gauge<Double>) () -> gauges.server(name)));
        for (String family : CacheGauges.familyNames(options.families())) {
            MetricGroup group = metrics.addGroup(CacheGauges.FAMILY_GROUP, family);
            CacheGauges.FAMILY.keySet().forEach(name -> group.gauge(name, (Gauge<Double>) () -> gauges.family(family, name)));
        }
    }

    @Override
    public Integer map(Long tick) throws Exception {
        try {
            if (redis == null) {
                redis = RedisClient.create(URI.create(redisUri));
            }
            CacheReport report = options.survey(Clock.systemUTC()).run(redis, previous);
            List<CacheCheck> checks = CacheCheck.evaluate(report, options.thresholds());
            if (connection == null || connection.isClosed()) {
                connection = DriverManager.getConnection(postgres.url(), postgres.user(), postgres.password());
            }
            CacheStatsStore.write(connection, report, checks);
            gauges.update(report);
            previous = report;
            return (int) checks.stream().filter(c -> !c.passed()).count();
        } catch (RuntimeException | java.sql.SQLException e) {
            failures.inc();
            LOG.warn("cache survey failed, next tick retries: {}", e.toString());
            close();
            return 0;
        }
    }

    @Override
    public void close() {
        if (redis != null) {
            redis.close();
            redis = null;
        }
        if (connection != null) {
            try {
                connection.close();
            } catch (java.sql.SQLException ignored) {
                // A broken connection is dropped either way.
            }
            connection = null;
        }
    }
}
