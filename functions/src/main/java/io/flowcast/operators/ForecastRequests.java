package io.flowcast.operators;

import io.flowcast.aggregate.WeeklyHistory;
import io.flowcast.records.DeadLetterReason;
import io.flowcast.records.DeadLetter;
import io.flowcast.records.ForecastRequest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * On-demand forecast requests on their way to the weekly aggregator: validation at the edge, the
 * series key, and a watermark strategy that keeps the request stream out of event time.
 */
public final class ForecastRequests {

    /** Requests that cannot be answered (fields missing, horizon out of range, unknown series). */
    public static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("request-dead-letters") {};

    /** The longest horizon a request may ask for: the history the aggregator keeps. */
    public static final int MAX_HORIZON = WeeklyHistory.CAPACITY;

    private ForecastRequests() {}

    /** Why a request is rejected. */
    public record Rejection(DeadLetterReason reason, String detail) {}

    /** Why a request cannot be answered, whatever the series' state; empty when it is well formed. */
    public static Optional<Rejection> problem(ForecastRequest r) {
        if (r.requestId() <= 0) {
            return Optional.of(new Rejection(DeadLetterReason.MISSING_KEY, "request_id is missing"));
        }
        if (r.productCode() == null || r.productCode().isBlank()) {
            return Optional.of(new Rejection(DeadLetterReason.MISSING_FIELD, "product_code is missing"));
        }
        if (r.region() == null || r.region().isBlank()) {
            return Optional.of(new Rejection(DeadLetterReason.MISSING_FIELD, "region is missing"));
        }
        if (r.horizon() < 1 || r.horizon() > MAX_HORIZON) {
            return Optional.of(new Rejection(DeadLetterReason.INVALID_VALUE, "horizon " + r.horizon() + " outside 1.." + MAX_HORIZON));
        }
        return Optional.empty();
    }

    /** The dead-letter row of a rejected request; the request id identifies it (a replay rewrites it). */
    public static DeadLetter deadLetter(String job, ForecastRequest r, DeadLetterReason reason, String detail) {
        String row = r.row() == null ? "" : r.row();
        return new DeadLetter(job, ForecastRequest.SOURCE, 0, r.requestId(), reason, detail,
                r.series().toString(), row, row.getBytes(StandardCharsets.UTF_8).length, -1);
    }

    /**
     * Requests take no part in event time. Connected to the sales stream, an input that rarely
     * carries data would otherwise hold the aggregator's watermark (the minimum of its inputs) at
     * its start and no week would ever close; marked idle, it is left out of that minimum, while
     * its records still flow.
     */
    public static WatermarkStrategy<ForecastRequest> outsideEventTime() {
        return outsideEventTime(ForecastRequest.class);
    }

    /** The same for another control stream (model registry changes). */
    public static <T> WatermarkStrategy<T> outsideEventTime(Class<T> type) {
        return context -> new AlwaysIdle<>();
    }

    static final class AlwaysIdle<T> implements WatermarkGenerator<T> {
        @Override
        public void onEvent(T request, long eventTimestamp, WatermarkOutput output) {
            output.markIdle();
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {
            output.markIdle();
        }
    }

    /** Sends malformed requests to {@link #DEAD_LETTERS}, passes the others on. */
    public static final class Validate extends ProcessFunction<ForecastRequest, ForecastRequest> {
        private static final long serialVersionUID = 1L;
        private final String job;

        public Validate(String job) {
            this.job = job;
        }

        @Override
        public void processElement(ForecastRequest request, Context ctx, Collector<ForecastRequest> out) {
            Optional<Rejection> problem = problem(request);
            if (problem.isEmpty()) {
                out.collect(request);
            } else {
                ctx.output(DEAD_LETTERS, deadLetter(job, request, problem.get().reason(), problem.get().detail()));
            }
        }
    }

    /**
     * No requests, derived from another stream of the job: what the aggregator's request input
     * reads when requests are disabled. (An empty collection source is not an option: Flink 1.20's
     * {@code fromData} of an empty collection fails at run time.)
     */
    public static final class None<T> implements FlatMapFunction<T, ForecastRequest> {
        private static final long serialVersionUID = 1L;

        @Override
        public void flatMap(T value, Collector<ForecastRequest> out) {}
    }

    /** No model registry changes, derived from another stream (hot swap disabled). */
    public static final class NoModelChanges<T> implements FlatMapFunction<T, io.flowcast.records.ModelChange> {
        private static final long serialVersionUID = 1L;

        @Override
        public void flatMap(T value, Collector<io.flowcast.records.ModelChange> out) {}
    }
}
