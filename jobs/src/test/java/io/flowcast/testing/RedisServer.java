package io.flowcast.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.RedisClient;

/**
 * A redis-server process of the test's own, on a free port, that can be taken down and brought
 * back: the shared Redis must never be stopped. It persists to an RDB file only when stopped
 * ({@code SHUTDOWN SAVE}), so a stop/start is a Redis restart that keeps the data, as a
 * production Redis with persistence (or a replica promoted by a failover) would.
 */
public final class RedisServer implements AutoCloseable {

    private final Path dir;
    private final int port;
    private Process process;

    private RedisServer(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    public static RedisServer start() throws IOException, InterruptedException {
        RedisServer server = new RedisServer(Files.createTempDirectory("flowcast-redis-"), freePort());
        server.startProcess();
        return server;
    }

    public String url(int database) {
        return "redis://127.0.0.1:" + port + "/" + database;
    }

    public boolean running() {
        return process != null && process.isAlive();
    }

    /** Saves the data and stops the server: clients get "connection refused" until {@link #startProcess()}. */
    public void stop() throws IOException, InterruptedException {
        if (!running()) {
            return;
        }
        try (RedisClient client = RedisClient.create(URI.create(url(0)))) {
            client.sendCommand(Protocol.Command.SHUTDOWN, "SAVE");
        } catch (RuntimeException expected) {
            // The server closes the connection as it exits.
        }
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("redis-server on port " + port + " did not stop in 30 s");
        }
    }

    public void startProcess() throws IOException, InterruptedException {
        process = new ProcessBuilder(List.of("redis-server",
                        "--port", Integer.toString(port),
                        "--bind", "127.0.0.1",
                        "--dir", dir.toString(),
                        "--save", "",
                        "--appendonly", "no",
                        "--daemonize", "no"))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("redis.log").toFile())
                .start();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            try (RedisClient client = RedisClient.create(URI.create(url(0)))) {
                if ("PONG".equals(client.ping())) {
                    return;
                }
            } catch (RuntimeException notYet) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IOException("redis-server did not start on port " + port + ": "
                            + Files.readString(dir.resolve("redis.log")), notYet);
                }
            }
            Thread.sleep(50);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
