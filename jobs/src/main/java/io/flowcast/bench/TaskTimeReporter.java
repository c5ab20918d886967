package io.flowcast.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricConfig;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.reporter.MetricReporter;
import org.apache.flink.metrics.reporter.MetricReporterFactory;

/**
 * Collects Flink's accumulated busy / back-pressured / idle time of every task (a chain of
 * operators) of the MiniCluster the benchmark runs in, so `bench pipeline` can print where the
 * time went next to the events/s: the busiest task that is not back-pressured is the bottleneck.
 * The gauges are read when the job has finished (they keep their last values).
 */
public final class TaskTimeReporter implements MetricReporter {

    static final String BUSY = "accumulateBusyTimeMs";
    static final String BACK_PRESSURED = "accumulateBackPressuredTimeMs";
    static final String IDLE = "accumulateIdleTimeMs";

    /** task name -> subtask index -> metric name -> gauge. */
    private static final Map<String, Map<String, Map<String, Gauge<?>>>> GAUGES = new ConcurrentHashMap<>();

    /** Forgets the gauges of earlier jobs. */
    static void reset() {
        GAUGES.clear();
    }

    /** Adds the reporter to a MiniCluster configuration. */
    static void register(org.apache.flink.configuration.Configuration conf) {
        conf.setString("metrics.reporter.bench-tasks.factory.class", Factory.class.getName());
        conf.setString("metrics.reporter.bench-tasks.interval", "3600 SECONDS");
    }

    @Override
    public void open(MetricConfig config) {}

    @Override
    public void close() {}

    @Override
    public void notifyOfAddedMetric(Metric metric, String metricName, MetricGroup group) {
        if (!(metric instanceof Gauge<?> gauge) || !(BUSY.equals(metricName) || BACK_PRESSURED.equals(metricName)
                || IDLE.equals(metricName))) {
            return;
        }
        Map<String, String> vars = group.getAllVariables();
        String task = vars.getOrDefault("<task_name>", "?");
        String subtask = vars.getOrDefault("<subtask_index>", "?");
        GAUGES.computeIfAbsent(task, t -> new ConcurrentHashMap<>())
                .computeIfAbsent(subtask, s -> new ConcurrentHashMap<>())
                .put(metricName, gauge);
    }

    @Override
    public void notifyOfRemovedMetric(Metric metric, String metricName, MetricGroup group) {
        // Kept on purpose: the figures are read after the job has finished.
    }

    /** Prints, per task, busy / back-pressured / idle seconds summed over subtasks and busy share of {@code seconds} x subtasks. */
    static void print(PrintStream out, double seconds) {
        Map<String, long[]> byTask = new TreeMap<>();
        GAUGES.forEach((task, subtasks) -> {
            long[] sums = new long[4];
            subtasks.values().forEach(metrics -> {
                sums[0] += value(metrics.get(BUSY));
                sums[1] += value(metrics.get(BACK_PRESSURED));
                sums[2] += value(metrics.get(IDLE));
                sums[3]++;
            });
            byTask.put(task, sums);
        });
        List<Map.Entry<String, long[]>> rows = new ArrayList<>(byTask.entrySet());
        rows.sort((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]));
        out.println("  time per task (Flink accumulated task metrics, summed over subtasks; busy % of the timed span per subtask):");
        for (Map.Entry<String, long[]> row : rows) {
            long[] v = row.getValue();
            double share = seconds > 0 ? 100.0 * v[0] / 1000.0 / (seconds * v[3]) : 0;
            out.printf(Locale.ROOT, "    busy %7.1f s (%5.1f%%)  back-pressured %7.1f s  idle %7.1f s  x%d  %s%n",
                    v[0] / 1000.0, share, v[1] / 1000.0, v[2] / 1000.0, v[3], abbreviate(row.getKey()));
        }
    }

    private static String abbreviate(String task) {
        return task.length() > 160 ? task.substring(0, 157) + "..." : task;
    }

    private static long value(Gauge<?> gauge) {
        if (gauge == null) {
            return 0;
        }
        Object v = gauge.getValue();
        return v instanceof Number n ? n.longValue() : 0;
    }

    /** Flink instantiates reporters through a factory named in the configuration. */
    public static final class Factory implements MetricReporterFactory {
        @Override
        public MetricReporter createMetricReporter(Properties properties) {
            return new TaskTimeReporter();
        }
    }
}
