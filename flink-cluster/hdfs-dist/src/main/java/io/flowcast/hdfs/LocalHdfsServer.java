package io.flowcast.hdfs;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.HdfsConfiguration;
import org.apache.hadoop.hdfs.MiniDFSCluster;

/**
 * A single-node HDFS (one NameNode and one DataNode in this JVM) for local runs and the demo,
 * started by {@code flink-cluster/bin/hdfs.sh}. It is Hadoop's own MiniDFSCluster: the real
 * NameNode/DataNode code and RPC protocol, so clients talk to it exactly as to a cluster.
 *
 * <p>Usage: {@code LocalHdfsServer --data-dir DIR [--port 9000] [--http-port 9870]}. The metadata
 * and blocks stay under DIR across restarts (formatted only on first start). Once serving, it
 * writes {@code DIR/hdfs.uri} and {@code DIR/hdfs.web} and prints both.
 */
public final class LocalHdfsServer {

    private LocalHdfsServer() {}

    public static void main(String[] args) throws Exception {
        Path dataDir = null;
        int port = 9000;
        int httpPort = 9870;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data-dir" -> dataDir = Path.of(args[++i]).toAbsolutePath();
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--http-port" -> httpPort = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (dataDir == null) {
            throw new IllegalArgumentException("--data-dir is required");
        }
        MiniDFSCluster cluster = start(dataDir, port, httpPort);
        String uri = "hdfs://127.0.0.1:" + cluster.getNameNodePort();
        String web = "http://127.0.0.1:" + cluster.getNameNode().getHttpAddress().getPort();
        Files.writeString(dataDir.resolve("hdfs.uri"), uri + "\n", StandardCharsets.UTF_8);
        Files.writeString(dataDir.resolve("hdfs.web"), web + "\n", StandardCharsets.UTF_8);
        System.out.println("HDFS ready: " + uri + " (web UI " + web + ", data " + dataDir + ")");

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            cluster.shutdown();
            stopped.countDown();
        }, "hdfs-shutdown"));
        stopped.await();
    }

    static MiniDFSCluster start(Path dataDir, int port, int httpPort) throws IOException {
        File base = dataDir.resolve("dfs").toFile();
        boolean formatted = new File(base, "data").isDirectory();
        Configuration conf = new HdfsConfiguration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, base.getAbsolutePath());
        conf.set("dfs.namenode.rpc-bind-host", "127.0.0.1");
        // One DataNode: a block can only have one replica.
        conf.setInt("dfs.replication", 1);
        // Clients reach the DataNode by the address it registered with, which must be loopback here.
        conf.set("dfs.datanode.address", "127.0.0.1:0");
        conf.set("dfs.datanode.http.address", "127.0.0.1:0");
        conf.set("dfs.datanode.ipc.address", "127.0.0.1:0");
        return new MiniDFSCluster.Builder(conf, base)
                .nameNodePort(port)
                .nameNodeHttpPort(httpPort)
                .numDataNodes(1)
                .format(!formatted)
                .manageNameDfsDirs(true)
                .manageDataDfsDirs(true)
                .waitSafeMode(true)
                .build();
    }
}
