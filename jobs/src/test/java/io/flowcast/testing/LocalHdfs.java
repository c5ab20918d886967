package io.flowcast.testing;

import io.flowcast.warehouse.HadoopOptions;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.HdfsConfiguration;
import org.apache.hadoop.hdfs.MiniDFSCluster;

/**
 * A real single-node HDFS (NameNode + DataNode, Hadoop's MiniDFSCluster) inside the test JVM, on
 * random ports and a temporary directory, as {@code flowcast hdfs start} runs it in its own JVM.
 */
public final class LocalHdfs implements AutoCloseable {

    private final MiniDFSCluster cluster;
    private final File baseDir;

    private LocalHdfs(MiniDFSCluster cluster, File baseDir) {
        this.cluster = cluster;
        this.baseDir = baseDir;
    }

    public static LocalHdfs start() throws IOException {
        File baseDir = Files.createTempDirectory("flowcast-hdfs-it").toFile();
        Configuration conf = new HdfsConfiguration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, baseDir.getAbsolutePath());
        conf.setInt("dfs.replication", 1);
        MiniDFSCluster cluster = new MiniDFSCluster.Builder(conf, baseDir)
                .nameNodePort(0)
                .nameNodeHttpPort(0)
                .numDataNodes(1)
                .format(true)
                .build();
        cluster.waitActive();
        return new LocalHdfs(cluster, baseDir);
    }

    /** {@code hdfs://127.0.0.1:PORT}, the value for {@code hadoop.fs-uri}. */
    public String uri() {
        return "hdfs://127.0.0.1:" + cluster.getNameNodePort();
    }

    public FileSystem fileSystem() throws IOException {
        return cluster.getFileSystem();
    }

    /** Snapshot options on this HDFS: root {@code /warehouse}, small files so tables have several. */
    public HadoopOptions options(int rowsPerFile) {
        return new HadoopOptions(uri(), "", "/warehouse", "UNCOMPRESSED", rowsPerFile, "", "");
    }

    @Override
    public void close() {
        cluster.shutdown(true);
        org.apache.flink.util.FileUtils.deleteDirectoryQuietly(baseDir);
    }
}
