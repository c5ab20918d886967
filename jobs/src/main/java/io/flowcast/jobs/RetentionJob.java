package io.flowcast.jobs;

import io.flowcast.config.FlowcastConfig;
import io.flowcast.retention.RetentionOutcome;
import io.flowcast.retention.RetentionRunner;
import io.flowcast.sinks.PostgresOptions;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Set;

/**
 * Applies {@code retention_policies} once (dry run unless {@code execute}) and prints a report:
 * {@code flowcast retention [--execute]}, which a scheduler runs (cron, a Kubernetes CronJob: flink-cluster/k8s/flowcast-retention.yaml).
 * No Flink: set-based DELETEs in page-range batches are the fast and gentle way to trim
 * PostgreSQL tables, and a batch job reading them through Flink would only move rows around.
 * Options {@code retention.*}; it connects as {@code postgres.*} (the jobs' writer role holds
 * DELETE on the tables it trims).
 */
public final class RetentionJob {

    private RetentionJob() {}

    /** Runs the policies ({@code only}: by name, all when empty); returns the outcomes. */
    public static List<RetentionOutcome> run(FlowcastConfig config, boolean execute, Set<String> only, PrintStream out)
            throws Exception {
        PostgresOptions pg = config.postgres();
        try (Connection c = DriverManager.getConnection(pg.url(), pg.user(), pg.password())) {
            c.setAutoCommit(true);
            List<RetentionOutcome> outcomes = new RetentionRunner(c, config.longValue("retention.pause-ms"),
                    line -> out.println("  " + line)).run(execute, only);
            report(outcomes, execute, out);
            return outcomes;
        }
    }

    static void report(List<RetentionOutcome> outcomes, boolean execute, PrintStream out) {
        out.printf("retention %s%n", execute ? "EXECUTED" : "dry run (nothing deleted; --execute deletes)");
        out.printf("%-24s %-30s %-9s %-44s %12s %12s %9s %8s  %s%n", "policy", "family", "status", "rule",
                execute ? "" : "rows", execute ? "deleted" : "to delete", "batches", "seconds", "detail");
        for (RetentionOutcome o : outcomes) {
            out.printf("%-24s %-30s %-9s %-44s %12s %,12d %9d %8.2f  %s%n", o.policy(), o.family(), o.status(), o.rule(),
                    o.rowsTotal() == null ? "" : String.format("%,d", o.rowsTotal()), o.rowsMatched(), o.batches(),
                    o.seconds(), o.detail() == null ? "" : o.detail());
        }
    }
}
