package io.flowcast.warehouse;

import io.flowcast.cdc.MirrorTable;
import java.io.Serializable;

/** One Parquet file of a snapshot; {@code path} is a full Hadoop path (hdfs://...). */
public record SnapshotFile(MirrorTable table, String path, long rows) implements Serializable {}
