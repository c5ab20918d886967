package io.flowcast.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** The shaded jar is what users submit: it must be self-contained and runnable. */
class ShadedJarITCase {

    private static final Path JAR = Path.of(System.getProperty("flowcast.jar", "target/flowcast.jar"));

    @Test
    void runsHelpWithoutTheFlinkClassPath() throws Exception {
        Process process = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString(), "--help")
                .redirectErrorStream(true)
                .start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("Usage: flowcast").contains("migrate");
    }

    @Test
    void containsJobsConnectorsMigrationsAndMergedServiceFiles() throws Exception {
        try (JarFile jar = new JarFile(new File(JAR.toString()))) {
            List<String> missing = new ArrayList<>();
            for (String entry : List.of(
                    "io/flowcast/jobs/InventoryMirrorJob.class",
                    "io/flowcast/cli/FlowcastCli.class",
                    "org/apache/flink/connector/kafka/source/KafkaSource.class",
                    "org/apache/flink/connector/jdbc/core/datastream/sink/JdbcSink.class",
                    "org/postgresql/Driver.class",
                    "db/migration/V1__mirror_tables.sql",
                    "flowcast.yaml",
                    "META-INF/services/java.sql.Driver",
                    "META-INF/services/org.flywaydb.core.extensibility.Plugin")) {
                if (jar.getEntry(entry) == null) {
                    missing.add(entry);
                }
            }
            assertThat(missing).isEmpty();
            assertThat(jar.getEntry("org/apache/flink/streaming/api/environment/StreamExecutionEnvironment.class"))
                    .as("Flink itself is provided by the cluster").isNull();
            assertThat(jar.getEntry("ai/djl/Model.class"))
                    .as("DJL/PyTorch are in the cluster's lib/ (native code loads once per JVM)").isNull();
            assertThat(jar.getEntry("io/flowcast/forecast/neural/MixerModel.class")).isNotNull();
            String flywayPlugins = new String(
                    jar.getInputStream(jar.getEntry("META-INF/services/org.flywaydb.core.extensibility.Plugin")).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertThat(flywayPlugins).as("services merged, not overwritten").contains("PostgreSQL");
        }
    }
}
