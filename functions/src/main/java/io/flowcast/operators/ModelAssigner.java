package io.flowcast.operators;

import io.flowcast.records.DeadLetter;
import io.flowcast.records.DeadLetterReason;
import io.flowcast.records.ModelAlert;
import io.flowcast.records.ModelChange;
import io.flowcast.records.ModelRef;
import io.flowcast.records.RoutedSnapshot;
import io.flowcast.records.SeriesSnapshot;
import io.flowcast.registry.AbSplit;
import io.flowcast.registry.RouterArtifacts;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.typeinfo.BasicTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.co.BroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Hot swap: model_registry changes (broadcast to every subtask) decide which model each series
 * snapshot is forecast with. A version promoted to production becomes the champion for the next
 * snapshot, without a restart; the choice lives in broadcast state, so a restore from a
 * checkpoint resumes with the version that was active. A promoted artifact that fails its
 * checksum or cannot be loaded is rejected (alert + dead letter) and the previous version stays.
 * With an A/B share, a candidate version is the challenger for the series {@link AbSplit} puts
 * in its arm.
 */
public final class ModelAssigner extends BroadcastProcessFunction<SeriesSnapshot, ModelChange, RoutedSnapshot> {

    private static final long serialVersionUID = 1L;

    /** Active models by role ({@link AbSplit#CHAMPION}, {@link AbSplit#CHALLENGER}). */
    public static final MapStateDescriptor<String, ModelRef> ACTIVE = new MapStateDescriptor<>(
            "active-models", BasicTypeInfo.STRING_TYPE_INFO, TypeInformation.of(ModelRef.class));
    public static final OutputTag<ModelAlert> ALERTS = new OutputTag<>("model-alerts") {};
    public static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("model-dead-letters") {};

    private final String job;
    private final String modelName;
    private final double challengerShare;

    /**
     * @param modelName the registry name this job follows (others are ignored)
     * @param challengerShare share of series forecast by a candidate version (0 = no A/B test)
     */
    public ModelAssigner(String job, String modelName, double challengerShare) {
        this.job = job;
        this.modelName = modelName;
        this.challengerShare = challengerShare;
    }

    @Override
    public void processElement(SeriesSnapshot snapshot, ReadOnlyContext ctx, Collector<RoutedSnapshot> out)
            throws Exception {
        ReadOnlyBroadcastState<String, ModelRef> active = ctx.getBroadcastState(ACTIVE);
        ModelRef champion = active.get(AbSplit.CHAMPION);
        ModelRef challenger = active.get(AbSplit.CHALLENGER);
        if (challenger != null && challengerShare > 0) {
            boolean test = AbSplit.inChallenger(snapshot.productCode(), snapshot.region(), challengerShare);
            out.collect(new RoutedSnapshot(snapshot, test ? challenger : champion,
                    test ? AbSplit.CHALLENGER : AbSplit.CHAMPION));
        } else {
            out.collect(new RoutedSnapshot(snapshot, champion, ""));
        }
    }

    @Override
    public void processBroadcastElement(ModelChange change, Context ctx, Collector<RoutedSnapshot> out)
            throws Exception {
        if (!modelName.equals(change.name())) {
            return;
        }
        BroadcastState<String, ModelRef> active = ctx.getBroadcastState(ACTIVE);
        ModelRef challenger = active.get(AbSplit.CHALLENGER);
        if (challenger != null && challenger.version() == change.version() && !"candidate".equals(change.stage())) {
            active.remove(AbSplit.CHALLENGER); // the test is over: promoted or archived
        }
        boolean production = change.isProduction();
        boolean newChallenger = "candidate".equals(change.stage()) && challengerShare > 0;
        if (!production && !newChallenger) {
            return;
        }
        ModelRef current = active.get(production ? AbSplit.CHAMPION : AbSplit.CHALLENGER);
        if (current != null && current.equals(change.ref())) {
            return; // the same version again (an update of another column, or a replayed change)
        }
        String problem = RouterArtifacts.problem(change.artifact(), change.artifactSha256());
        // Every subtask receives the change; one reports it.
        boolean reporter = getRuntimeContext().getTaskInfo().getIndexOfThisSubtask() == 0;
        if (!problem.isEmpty()) {
            if (reporter) {
                String detail = change.ref().label() + " rejected, "
                        + (current == null ? "rules stay active" : current.label() + " stays active") + ": " + problem;
                ctx.output(ALERTS, new ModelAlert(change.name(), change.version(), "rejected", detail,
                        ctx.currentProcessingTime()));
                String row = change.row() == null ? "" : change.row();
                ctx.output(DEAD_LETTERS, new DeadLetter(job, ModelChange.SOURCE, 0, change.version(),
                        DeadLetterReason.CORRUPT_MODEL, detail, change.name(), row,
                        row.getBytes(StandardCharsets.UTF_8).length, -1));
            }
            return;
        }
        active.put(production ? AbSplit.CHAMPION : AbSplit.CHALLENGER, change.ref());
        if (reporter) {
            ctx.output(ALERTS, new ModelAlert(change.name(), change.version(), production ? "activated" : "challenger",
                    change.ref().label() + (production ? " is the active model" : " is the A/B challenger"),
                    ctx.currentProcessingTime()));
        }
    }
}
