package io.flowcast.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.flowcast.cache.CacheGauges;
import io.flowcast.cluster.LocalKafkaBroker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The Prometheus alert rules and the Grafana dashboards in flink-cluster/monitoring query only
 * metrics that exist: every {@code flink_taskmanager_job_task_operator_<name>} must be registered
 * by our code ({@code counter("name")}, {@code gauge(..)}, {@code histogram(..)}, found in the
 * sources), every other {@code flink_*} name must be one of Flink's own metrics listed here.
 * With promtool on the PATH (Debian package {@code prometheus}) the rules are also checked and
 * their unit tests ({@code flowcast-alerts.test.yml}) run.
 */
class MonitoringContractTest {

    private static final Path ROOT = LocalKafkaBroker.repoRoot();
    private static final Path MONITORING = ROOT.resolve("flink-cluster/monitoring");
    private static final String OPERATOR_SCOPE = "flink_taskmanager_job_task_operator_";
    private static final Pattern METRIC = Pattern.compile("flink_[A-Za-z0-9_]+");
    private static final Pattern REGISTRATION = Pattern.compile("\\.(?:counter|gauge|histogram|meter)\\(\"([A-Za-z0-9_]+)\"");

    /** Flink's own metrics the files may use (job, checkpoint, task, JVM scopes; FLIP-33 source metrics). */
    private static final Set<String> FLINK_METRICS = Set.of(
            "flink_jobmanager_job_uptime",
            "flink_jobmanager_job_numRestarts",
            "flink_jobmanager_job_numberOfCompletedCheckpoints",
            "flink_jobmanager_job_numberOfFailedCheckpoints",
            "flink_jobmanager_job_lastCheckpointDuration",
            "flink_jobmanager_job_lastCheckpointSize",
            "flink_jobmanager_job_lastCheckpointFullSize",
            "flink_jobmanager_Status_JVM_Memory_Heap_Used",
            "flink_taskmanager_Status_JVM_Memory_Heap_Used",
            "flink_taskmanager_job_task_backPressuredTimeMsPerSecond",
            "flink_taskmanager_job_task_busyTimeMsPerSecond",
            OPERATOR_SCOPE + "numRecordsInPerSecond",
            OPERATOR_SCOPE + "numRecordsOutPerSecond",
            OPERATOR_SCOPE + "pendingRecords");

    @Test
    void alertRulesAreWellFormedAndQueryExistingMetrics() throws IOException {
        JsonNode rules = new ObjectMapper(new YAMLFactory()).readTree(MONITORING.resolve("flowcast-alerts.yml").toFile());
        Set<String> names = new HashSet<>();
        List<String> expressions = new ArrayList<>();
        for (JsonNode group : rules.get("groups")) {
            for (JsonNode rule : group.get("rules")) {
                String alert = rule.path("alert").asText();
                assertThat(alert).as("rule name").startsWith("Flowcast");
                assertThat(names.add(alert)).as("unique " + alert).isTrue();
                assertThat(rule.path("labels").path("severity").asText()).as(alert).isIn("info", "warning", "critical");
                assertThat(rule.path("annotations").path("summary").asText()).as(alert).isNotBlank();
                expressions.add(rule.path("expr").asText());
            }
        }
        assertThat(names).as("the issue's alert list").contains("FlowcastForecastLatencyHigh", "FlowcastForecastFallbacks",
                "FlowcastDeadLetters", "FlowcastAccuracyMapeAbove20", "FlowcastCheckpointFailures", "FlowcastConsumerLagHigh");
        assertQueriesKnownMetrics(expressions);
    }

    @Test
    void everyDashboardPanelQueriesExistingMetrics() throws IOException {
        List<Path> dashboards;
        try (Stream<Path> files = Files.list(MONITORING)) {
            dashboards = files.filter(p -> p.getFileName().toString().matches("grafana-.*\\.json")).sorted().toList();
        }
        assertThat(dashboards).hasSizeGreaterThanOrEqualTo(2);
        for (Path file : dashboards) {
            JsonNode dashboard = new ObjectMapper().readTree(file.toFile());
            Set<Integer> ids = new HashSet<>();
            List<String> expressions = new ArrayList<>();
            for (JsonNode panel : dashboard.get("panels")) {
                assertThat(ids.add(panel.get("id").asInt())).as(file + ": unique panel id").isTrue();
                assertThat(panel.get("targets")).as(file + ": " + panel.get("title")).isNotEmpty();
                for (JsonNode target : panel.get("targets")) {
                    assertThat(target.path("expr").asText()).as(file + ": " + panel.get("title")).contains("flink_");
                    expressions.add(target.get("expr").asText());
                }
            }
            assertQueriesKnownMetrics(expressions);
        }
    }

    @Test
    void promtoolAcceptsTheRulesAndTheirUnitTests() throws Exception {
        Assumptions.assumeTrue(onPath("promtool"), "promtool not installed (apt-get install prometheus)");
        assertThat(promtool("check", "rules", "flowcast-alerts.yml")).contains("SUCCESS");
        assertThat(promtool("check", "config", "prometheus.yml")).contains("SUCCESS");
        assertThat(promtool("test", "rules", "flowcast-alerts.test.yml")).contains("SUCCESS");
    }

    private static void assertQueriesKnownMetrics(List<String> expressions) throws IOException {
        Set<String> registered = registeredMetrics();
        Set<String> unknown = new TreeSet<>();
        for (String expr : expressions) {
            Matcher m = METRIC.matcher(expr);
            while (m.find()) {
                String name = m.group();
                boolean known = FLINK_METRICS.contains(name)
                        || name.startsWith(OPERATOR_SCOPE) && isRegistered(name.substring(OPERATOR_SCOPE.length()), registered);
                if (!known) {
                    unknown.add(name);
                }
            }
        }
        assertThat(unknown).as("metrics no code registers").isEmpty();
    }

    /** A name registered as is, or a per-reason counter {@code prefix_} + anything ({@code cdcRejected_} in a regex). */
    private static boolean isRegistered(String name, Set<String> registered) {
        return registered.contains(name) || registered.stream().anyMatch(r -> r.endsWith("_") && name.startsWith(r));
    }

    static Set<String> registeredMetrics() throws IOException {
        Set<String> names = new TreeSet<>();
        for (String module : List.of("functions", "jobs")) {
            try (Stream<Path> files = Files.walk(ROOT.resolve(module).resolve("src/main/java"))) {
                for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    Matcher m = REGISTRATION.matcher(Files.readString(file));
                    while (m.find()) {
                        names.add(m.group(1));
                    }
                }
            }
        }
        // The cache-monitor registers its gauges from CacheGauges' name tables: server ones, and per
        // family in the keyed group "family", which Flink's reporter names <group>_<name>.
        names.addAll(CacheGauges.SERVER.keySet());
        CacheGauges.FAMILY.keySet().forEach(name -> names.add(CacheGauges.FAMILY_GROUP + "_" + name));
        assertThat(names).as("metric registrations found in the sources").contains("forecastLatencyMicros", "cdcRejected",
                "cacheHitRatio", "family_cacheKeys");
        return names;
    }

    private static boolean onPath(String command) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    private static String promtool(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("promtool"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(MONITORING.toFile()).redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("promtool finished").isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("promtool " + String.join(" ", args) + ":\n" + output).isZero();
        return output;
    }
}
