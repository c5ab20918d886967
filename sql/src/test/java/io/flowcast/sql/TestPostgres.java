package io.flowcast.sql;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The PostgreSQL server the tests run against.
 *
 * <p>By default the tests bring their own: a throwaway cluster ({@code initdb} + {@code pg_ctl}
 * from the installed PostgreSQL server package) on a free port of 127.0.0.1, with
 * {@code wal_level=logical} (the Flink CDC request source needs it), started once per test JVM
 * and removed when the JVM exits. The test command therefore never reconfigures or restarts the
 * machine's own server, needs no server running at all, and passes whatever that server's
 * {@code wal_level} is. Durability is off ({@code fsync}, {@code full_page_writes}): the data is
 * thrown away anyway.
 *
 * <p>{@code -Dflowcast.test.pg.server=jdbc:postgresql://HOST:PORT/} (or the environment variable
 * {@code FLOWCAST_TEST_PG_SERVER}) points the tests at an existing server instead; it needs
 * {@code wal_level=logical} for {@code ForecastRequestsITCase}. {@code -Dflowcast.test.pg.bin}
 * ({@code FLOWCAST_TEST_PG_BIN}) names the directory of {@code initdb}/{@code pg_ctl} when it is
 * not {@code /usr/lib/postgresql/<newest>/bin} or on the PATH.
 */
public final class TestPostgres {

    /** PostgreSQL refuses to run as root: as root the server runs as this operating-system user. */
    private static final String SERVICE_USER = "postgres";

    private static String server;

    private TestPostgres() {}

    /** JDBC URL prefix of the server ({@code jdbc:postgresql://host:port/}), starting it on first use. */
    public static synchronized String server() {
        if (server == null) {
            String external = setting("flowcast.test.pg.server", "FLOWCAST_TEST_PG_SERVER");
            try {
                server = external != null ? (external.endsWith("/") ? external : external + "/") : startOwn();
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException("could not start the tests' PostgreSQL server: " + e.getMessage()
                        + "\nInstall the PostgreSQL server package (apt-get install -y postgresql), or point the tests at a"
                        + " server with wal_level=logical: -Dflowcast.test.pg.server=jdbc:postgresql://HOST:PORT/", e);
            }
        }
        return server;
    }

    private static String setting(String property, String env) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(env);
        }
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String startOwn() throws IOException, InterruptedException {
        Path bin = binDir();
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = Files.createTempDirectory("flowcast-test-pg-");
        if (root) {
            run(List.of("chown", SERVICE_USER, dir.toString()), false);
        }
        Path data = dir.resolve("data");
        run(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres", "-A", "trust",
                "-E", "UTF8", "--locale=C", "--no-sync"), root);
        IOException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            int port = freePort();
            try {
                run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", dir.resolve("server.log").toString(),
                        "-w", "-t", "60", "-o", String.join(" ",
                                "-p", Integer.toString(port), "-k", dir.toString(), "-c", "listen_addresses=127.0.0.1",
                                "-c", "wal_level=logical", "-c", "max_replication_slots=20", "-c", "max_wal_senders=20",
                                "-c", "max_connections=200", "-c", "fsync=off", "-c", "full_page_writes=off",
                                "-c", "synchronous_commit=off"),
                        "start"), root);
            } catch (IOException e) {
                last = e; // most likely another process took the port in between
                continue;
            }
            stopWhenThisJvmEnds(bin, dir, data, root);
            String url = "jdbc:postgresql://127.0.0.1:" + port + "/";
            awaitConnections(url);
            System.err.println("[flowcast tests] own PostgreSQL server on 127.0.0.1:" + port
                    + " (wal_level=logical, data " + data + "); -Dflowcast.test.pg.server=URL uses another");
            return url;
        }
        throw last;
    }

    /**
     * A shutdown hook stops the server when the JVM exits normally; a watchdog process stops it
     * (and deletes its files) once this JVM is gone however it ended, e.g. killed by a timeout.
     */
    private static void stopWhenThisJvmEnds(Path bin, Path dir, Path data, boolean root) throws IOException {
        String stop = (root ? "runuser -u " + SERVICE_USER + " -- " : "") + bin.resolve("pg_ctl") + " -D " + data
                + " -m immediate -w stop >/dev/null 2>&1";
        String script = "while kill -0 " + ProcessHandle.current().pid() + " 2>/dev/null; do sleep 1; done; "
                + stop + "; rm -rf " + dir;
        new ProcessBuilder("setsid", "bash", "-c", script)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                new ProcessBuilder("bash", "-c", stop).start().waitFor(30, TimeUnit.SECONDS);
                deleteRecursively(dir);
            } catch (IOException | InterruptedException e) {
                // the watchdog stops it a second later
            }
        }, "flowcast-test-postgres-stop"));
    }

    private static void awaitConnections(String url) throws IOException, InterruptedException {
        SQLException last = null;
        for (int i = 0; i < 100; i++) {
            try (Connection c = DriverManager.getConnection(url + "postgres", "postgres", null)) {
                return;
            } catch (SQLException e) {
                last = e;
                Thread.sleep(100);
            }
        }
        throw new IOException("server at " + url + " does not accept connections", last);
    }

    private static Path binDir() throws IOException {
        String configured = setting("flowcast.test.pg.bin", "FLOWCAST_TEST_PG_BIN");
        if (configured != null) {
            return Paths.get(configured);
        }
        Path debian = Paths.get("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                var newest = versions.filter(v -> Files.isExecutable(v.resolve("bin/initdb")))
                        .max(Comparator.comparingInt(v -> versionNumber(v.getFileName().toString())));
                if (newest.isPresent()) {
                    return newest.get().resolve("bin");
                }
            }
        }
        for (String entry : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!entry.isEmpty() && Files.isExecutable(Paths.get(entry, "initdb"))) {
                return Paths.get(entry);
            }
        }
        throw new IOException("no initdb under /usr/lib/postgresql/*/bin or on the PATH");
    }

    private static int versionNumber(String name) {
        try {
            return (int) Math.round(Double.parseDouble(name) * 10);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void run(List<String> command, boolean asServiceUser) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asServiceUser) {
            full.addAll(List.of("runuser", "-u", SERVICE_USER, "--"));
        }
        full.addAll(command);
        Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
        // pg_ctl start gets -l: the server writes to its log file and holds no end of this pipe.
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", full) + " failed:\n" + output);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
