package io.flowcast.bench;

import io.flowcast.jobs.DemandJobOptions;
import io.flowcast.sinks.PostgresOptions;
import java.io.PrintStream;
import java.util.Iterator;
import java.util.function.Supplier;
import org.apache.flink.core.execution.JobClient;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * One figure {@code bench pipeline} measures against DemandForecastJob running unbounded, with
 * production settings, on its own Kafka topic, scratch database and scratch Redis database. The
 * probes of a run share one job and run in order: the first ({@link WeekCloseLatencyProbe}) feeds
 * the live history, so later probes find every series in state ({@link RequestLatencyProbe}
 * measures on-demand request -> answer then). {@code history} is the sales-order
 * history the job is fed (the same messages on every call).
 */
interface LiveProbe {

    /** What the running probe is given. */
    record Live(String bootstrap, String salesTopic, Supplier<Iterator<ProducerRecord<byte[], byte[]>>> history, PostgresOptions pg, String redisUrl, DemandJobOptions options,
            JobClient job, PrintStream out) {}

    String title();

    void run(Live live) throws Exception;
}
