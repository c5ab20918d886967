package io.flowcast.cluster;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A real Kafka Connect worker running the Debezium PostgreSQL connector with default settings,
 * started as a separate process by the script users run ({@code flink-cluster/bin/connect.sh}) on
 * a free REST port, a temporary data directory and a randomly named replication slot and
 * publication. {@link #close()} stops the worker and drops the slot and the publication (an
 * unread slot pins WAL on a shared server). ITCases and {@code flowcast bench debezium} use it.
 */
public final class LocalConnectWorker implements AutoCloseable {

    private static final Path SCRIPT = LocalKafkaBroker.repoRoot().resolve("flink-cluster/bin/connect.sh");

    private final Path dataDir;
    private final String jdbcUrl;
    private final String user;
    private final String slot;
    private final String publication;
    private final String restUrl;

    private LocalConnectWorker(Path dataDir, String jdbcUrl, String user, String slot, String publication, String restUrl) {
        this.dataDir = dataDir;
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.slot = slot;
        this.publication = publication;
        this.restUrl = restUrl;
    }

    /**
     * Starts a worker that streams the warehouse tables of {@code database} (on {@code pgHost:pgPort})
     * into {@code castrolanda.*} topics on {@code bootstrap}; returns once the connector task runs.
     */
    public static LocalConnectWorker start(String bootstrap, String pgHost, int pgPort, String user, String database)
            throws IOException, InterruptedException {
        Path dataDir = Files.createTempDirectory("flowcast-connect-");
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String slot = "flowcast_dbz_" + suffix;
        String publication = "flowcast_dbz_" + suffix;
        String jdbcUrl = "jdbc:postgresql://" + pgHost + ":" + pgPort + "/" + database;
        LocalConnectWorker worker = new LocalConnectWorker(dataDir, jdbcUrl, user, slot, publication, null);
        try {
            String rest = run(List.of("start", "--bootstrap", bootstrap, "--rest-port", Integer.toString(freePort()),
                    "--data-dir", dataDir.toString(), "--pg-host", pgHost, "--pg-port", Integer.toString(pgPort),
                    "--pg-user", user, "--database", database, "--slot", slot, "--publication", publication,
                    // The worker stops by itself if this JVM dies without closing it (a killed test or bench).
                    "--exit-with-pid", Long.toString(ProcessHandle.current().pid())));
            return new LocalConnectWorker(dataDir, jdbcUrl, user, slot, publication, rest.strip());
        } catch (IOException | InterruptedException | RuntimeException e) {
            worker.close();
            throw e;
        }
    }

    public String slot() {
        return slot;
    }

    public String restUrl() {
        return restUrl;
    }

    /** The worker's log (for test failure messages). */
    public Path logFile() {
        return dataDir.resolve("logs/connect.log");
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            run(List.of("stop", "--data-dir", dataDir.toString()));
        } finally {
            try {
                dropSlotAndPublication();
            } catch (SQLException e) {
                throw new IOException("could not drop replication slot " + slot + " / publication " + publication, e);
            } finally {
                deleteRecursively(dataDir);
            }
        }
    }

    private void dropSlotAndPublication() throws SQLException, InterruptedException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, null)) {
            // The walsender may take a moment to let go of the slot after the worker stopped.
            for (int attempt = 0; ; attempt++) {
                try (PreparedStatement st = c.prepareStatement(
                        "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = ?")) {
                    st.setString(1, slot);
                    st.execute();
                    break;
                } catch (SQLException active) {
                    if (attempt >= 50) {
                        throw active;
                    }
                    Thread.sleep(200);
                }
            }
            try (Statement st = c.createStatement()) {
                st.execute("DROP PUBLICATION IF EXISTS " + publication);
            }
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static String run(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(150, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("connect.sh " + args.get(0) + " did not finish in 150 s");
        }
        if (process.exitValue() != 0) {
            throw new IOException("connect.sh " + args + " failed (" + process.exitValue() + "):\n" + output);
        }
        // `start` prints its progress on stderr and the REST URL, alone, on the last line of stdout.
        String[] lines = output.strip().split("\n");
        return lines[lines.length - 1];
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
