package io.flowcast.operators;

import io.flowcast.cdc.CdcDecoder;
import io.flowcast.records.DeadLetterReason;
import io.flowcast.cdc.DecodeResult;
import io.flowcast.records.CdcMessage;
import io.flowcast.records.DeadLetter;
import io.flowcast.cdc.SchemaDrift;
import io.flowcast.cdc.MirrorChange;
import io.flowcast.records.QualitySample;
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
 * carry no change), as are messages of Debezium's heartbeat and transaction-metadata topics.
 * Changes whose image departs from the contract also go to {@link #SCHEMA_DRIFT}.
 *
 * <p>Metrics: {@code cdcDecoded}, {@code cdcTombstones}, {@code cdcIgnored}, {@code cdcSchemaDrift},
 * {@code cdcRejected} and one {@code cdcRejected_<REASON>} counter per reason.
 */
public final class CdcDecodeFunction extends ProcessFunction<CdcMessage, MirrorChange> {

    private static final long serialVersionUID = 1L;

    public static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("dead-letters") {};

    /** Decoded changes whose image departs from the contract (see {@link SchemaDrift}), for the data-quality monitor. */
    public static final OutputTag<QualitySample> SCHEMA_DRIFT = new OutputTag<>("schema-drift") {};

    private final String job;
    private final Duration maxFutureSkew;

    private transient CdcDecoder decoder;
    private transient Counter decoded;
    private transient Counter tombstones;
    private transient Counter ignored;
    private transient Counter schemaDrift;
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
        ignored = metrics.counter("cdcIgnored");
        schemaDrift = metrics.counter("cdcSchemaDrift");
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
            if (!change.drift().isNone()) {
                schemaDrift.inc();
                MirrorChange decodedChange = change.change();
                ctx.output(SCHEMA_DRIFT, QualitySample.drift(decodedChange.table().mirrorTable(), decodedChange.kafkaTsMillis(),
                        decodedChange.sourceTsMillis(), change.drift().unknownFields().toArray(new String[0]),
                        change.drift().missingFields().toArray(new String[0])));
            }
        } else if (result instanceof DecodeResult.Rejected rejection) {
            rejected.inc();
            rejectedByReason.get(rejection.deadLetter().reason()).inc();
            ctx.output(DEAD_LETTERS, rejection.deadLetter());
        } else if (result instanceof DecodeResult.Ignored) {
            ignored.inc();
        } else {
            tombstones.inc();
        }
    }
}
