package io.flowcast.operators;

import io.flowcast.cdc.CdcDecoder;
import io.flowcast.records.DeadLetterReason;
import io.flowcast.cdc.DecodeResult;
import io.flowcast.records.CdcMessage;
import io.flowcast.records.DeadLetter;
import io.flowcast.cdc.MirrorChange;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Decodes and validates CDC messages: valid changes go to the main output, invalid ones to
 * {@link #DEAD_LETTERS} with their reason. Tombstones are counted and dropped on purpose (they
 * carry no change).
 *
 * <p>Metrics: {@code cdcDecoded}, {@code cdcTombstones}, {@code cdcRejected} and one
 * {@code cdcRejected_<REASON>} counter per reason.
 */
public final class CdcDecodeFunction extends ProcessFunction<CdcMessage, MirrorChange> {

    private static final long serialVersionUID = 1L;

    public static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("dead-letters") {};

    private final String job;
    private final Duration maxFutureSkew;

    private transient CdcDecoder decoder;
    private transient Counter decoded;
    private transient Counter tombstones;
    private transient Counter rejected;
    private transient Map<DeadLetterReason, Counter> rejectedByReason;

    public CdcDecodeFunction(String job, Duration maxFutureSkew) {
        this.job = job;
        this.maxFutureSkew = maxFutureSkew;
    }

    @Override
    public void open(OpenContext openContext) {
        decoder = new CdcDecoder(job, maxFutureSkew);
        MetricGroup metrics = getRuntimeContext().getMetricGroup();
        decoded = metrics.counter("cdcDecoded");
        tombstones = metrics.counter("cdcTombstones");
        rejected = metrics.counter("cdcRejected");
        rejectedByReason = new EnumMap<>(DeadLetterReason.class);
        for (DeadLetterReason reason : DeadLetterReason.values()) {
            rejectedByReason.put(reason, metrics.counter("cdcRejected_" + reason.name()));
        }
    }

    @Override
    public void processElement(CdcMessage message, Context ctx, Collector<MirrorChange> out) {
        DecodeResult result = decoder.decode(message);
        if (result instanceof DecodeResult.Change change) {
            decoded.inc();
            out.collect(change.change());
        } else if (result instanceof DecodeResult.Rejected rejection) {
            rejected.inc();
            rejectedByReason.get(rejection.deadLetter().reason()).inc();
            ctx.output(DEAD_LETTERS, rejection.deadLetter());
        } else {
            tombstones.inc();
        }
    }
}
