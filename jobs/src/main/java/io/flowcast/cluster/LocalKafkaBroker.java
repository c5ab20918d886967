package io.flowcast.cluster;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real single-node KRaft Kafka broker, started as a separate process by the same script users
 * run ({@code flink-cluster/bin/kafka.sh}) on free ports and a temporary data directory. The
 * integration tests and {@code flowcast bench} use it so that they never touch a broker in use.
 */
public final class LocalKafkaBroker implements AutoCloseable {

    private static final Path SCRIPT = repoRoot().resolve("flink-cluster/bin/kafka.sh");

    private final Path dataDir;
    private final int port;
    private final int controllerPort;

    private LocalKafkaBroker(Path dataDir, int port, int controllerPort) {
        this.dataDir = dataDir;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    public static LocalKafkaBroker start() throws IOException, InterruptedException {
        Path dataDir = Files.createTempDirectory("flowcast-kafka-");
        LocalKafkaBroker broker = new LocalKafkaBroker(dataDir, freePort(), freePort());
        broker.startProcess();
        return broker;
    }

    private void startProcess() throws IOException, InterruptedException {
        run(List.of("start", "--port", Integer.toString(port), "--controller-port", Integer.toString(controllerPort),
                "--data-dir", dataDir.toString(),
                // The broker stops by itself if this JVM dies without closing it (a killed test or bench).
                "--exit-with-pid", Long.toString(ProcessHandle.current().pid())));
    }

    /**
     * Stops the broker (controlled shutdown) and starts it again on the same ports and data, as an
     * operator's rolling restart would: topics, offsets and committed group offsets survive.
     */
    public void restart() throws IOException, InterruptedException {
        run(List.of("stop", "--data-dir", dataDir.toString()));
        startProcess();
    }

    public String bootstrap() {
        return "127.0.0.1:" + port;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run(List.of("stop", "--data-dir", dataDir.toString()));
        deleteRecursively(dataDir);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static void run(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("kafka.sh " + args + " did not finish in 120 s");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IOException("kafka.sh " + args + " failed (" + process.exitValue() + "):\n" + output);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    /**
     * The repository root: {@code -Dflowcast.home} (set by the launcher), else the nearest
     * directory above the working directory that has {@code flink-cluster/} (Maven runs tests in
     * the module directory).
     */
    public static Path repoRoot() {
        String home = System.getProperty("flowcast.home");
        if (home != null) {
            return Path.of(home).toAbsolutePath();
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("flink-cluster"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("cannot find the repository root from " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
