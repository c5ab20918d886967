package io.flowcast.warehouse;

import io.flowcast.config.FlowcastConfig;
import java.io.File;
import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.security.UserGroupInformation;

/**
 * Where the warehouse snapshots live: the Hadoop file system ({@code hadoop.fs-uri}, e.g. the
 * local {@code flowcast hdfs} NameNode or a real cluster's {@code hdfs://nameservice}), an optional
 * Hadoop configuration directory (a real cluster's core-site.xml / hdfs-site.xml, also taken from
 * {@code HADOOP_CONF_DIR}), and the root folder of the snapshots.
 *
 * @param fsUri file system URI; empty = the {@code fs.defaultFS} of the Hadoop configuration
 * @param confDir Hadoop configuration directory; empty = {@code HADOOP_CONF_DIR} when set
 * @param warehouseRoot folder holding {@code <schema>/<table>/dt=YYYY-MM-DD/}
 * @param compression Parquet codec of new snapshots (UNCOMPRESSED or GZIP: the pure-Java ones)
 * @param rowsPerFile rows per {@code part-*.parquet} file
 * @param kerberosPrincipal principal the CLI logs in as on a secured cluster; empty = no login
 * @param kerberosKeytab keytab of that principal
 */
public record HadoopOptions(
        String fsUri,
        String confDir,
        String warehouseRoot,
        String compression,
        int rowsPerFile,
        String kerberosPrincipal,
        String kerberosKeytab)
        implements Serializable {

    public static HadoopOptions from(FlowcastConfig config) {
        return new HadoopOptions(
                config.string("hadoop.fs-uri").trim(),
                config.string("hadoop.conf-dir").trim(),
                config.string("hadoop.warehouse-root").trim(),
                config.string("hadoop.snapshot-compression").trim(),
                config.integer("hadoop.rows-per-file"),
                config.string("hadoop.kerberos.principal").trim(),
                config.string("hadoop.kerberos.keytab").trim());
    }

    public HadoopOptions withFsUri(String uri) {
        return new HadoopOptions(uri, confDir, warehouseRoot, compression, rowsPerFile, kerberosPrincipal, kerberosKeytab);
    }

    public HadoopOptions withWarehouseRoot(String root) {
        return new HadoopOptions(fsUri, confDir, root, compression, rowsPerFile, kerberosPrincipal, kerberosKeytab);
    }

    /** A Hadoop configuration: the cluster's *-site.xml files when given, then the URI on top. */
    public Configuration configuration() {
        Configuration conf = new Configuration();
        String dir = !confDir.isEmpty() ? confDir : System.getenv().getOrDefault("HADOOP_CONF_DIR", "");
        if (!dir.isEmpty()) {
            for (String name : new String[] {"core-site.xml", "hdfs-site.xml"}) {
                File file = new File(dir, name);
                if (file.isFile()) {
                    conf.addResource(new org.apache.hadoop.fs.Path(file.toURI()));
                }
            }
        }
        if (!fsUri.isEmpty()) {
            conf.set("fs.defaultFS", fsUri);
        }
        if (!kerberosPrincipal.isEmpty()) {
            conf.set("hadoop.security.authentication", "kerberos");
        }
        // A single-DataNode HDFS cannot replace a failed DataNode in a write pipeline.
        conf.setIfUnset("dfs.client.block.write.replace-datanode-on-failure.policy", "NEVER");
        return conf;
    }

    /**
     * Logs the CLI process in from the keytab when a principal is configured. Jobs on a cluster do
     * not use this: Flink's security modules log the JobManager/TaskManagers in from
     * {@code security.kerberos.login.*} of the cluster configuration.
     */
    public void loginIfSecured() throws IOException {
        if (kerberosPrincipal.isEmpty()) {
            return;
        }
        UserGroupInformation.setConfiguration(configuration());
        UserGroupInformation.loginUserFromKeytab(kerberosPrincipal, kerberosKeytab);
    }

    public FileSystem fileSystem() throws IOException {
        Configuration conf = configuration();
        return FileSystem.get(URI.create(conf.get("fs.defaultFS")), conf);
    }

    @Override
    public String toString() {
        return "HadoopOptions{fs=" + (fsUri.isEmpty() ? "(fs.defaultFS)" : fsUri) + ", root=" + warehouseRoot + "}";
    }
}
