package io.flowcast.warehouse;

import io.flowcast.cdc.MirrorTable;
import io.flowcast.jobs.KafkaSourceOptions;
import io.flowcast.records.CdcMessage;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.connector.base.source.hybrid.HybridSource;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.core.fs.Path;
import org.apache.hadoop.fs.FileSystem;
import org.apache.kafka.common.TopicPartition;

/**
 * Full sync, then incremental: a {@link HybridSource} that first reads a snapshot's Parquet files
 * from HDFS (as Debezium read events, {@link SnapshotBulkFormat}) and then the CDC topics from the
 * snapshot's Kafka position, so that every change is applied once: the ones before the position
 * through the snapshot, the ones after it from Kafka.
 */
public final class BackfillSource {

    private BackfillSource() {}

    /**
     * @param tables the tables to take from the snapshot (a job reads only its own)
     * @param bounded stop the Kafka phase at the offsets that are latest at start-up (tests, benchmarks)
     */
    public static HybridSource<CdcMessage> of(Snapshot snapshot, HadoopOptions hadoop, KafkaSourceOptions kafka,
            List<MirrorTable> tables, boolean bounded) throws IOException {
        FileSystem fs = hadoop.fileSystem();
        List<Path> files = snapshot.files().stream()
                .filter(file -> tables.contains(file.table()))
                // Fully qualified (hdfs://namenode:port/...): Flink resolves the scheme to its Hadoop file system.
                .map(file -> new Path(fs.makeQualified(new org.apache.hadoop.fs.Path(file.path())).toUri()))
                .toList();
        Map<Integer, Long> sourceTs = new HashMap<>();
        Map<TopicPartition, Long> offsets = new HashMap<>();
        for (MirrorTable table : tables) {
            SnapshotManifest manifest = snapshot.manifest(table);
            // Read events must not look older than their rows (the decoder rejects a business time
            // far after the commit time): stamp them with the export time at the earliest.
            sourceTs.put(table.ordinal(), Math.max(manifest.createdAt().toEpochMilli(), manifest.position().sourceTsMillis()));
            manifest.position().kafkaOffsets().forEach((partition, offset) -> offsets.put(new TopicPartition(table.topic(), partition), offset));
        }
        FileSource<CdcMessage> fileSource = FileSource
                .forBulkFileFormat(new SnapshotBulkFormat(hadoop, sourceTs), files.toArray(Path[]::new))
                .build();
        return HybridSource.builder(fileSource).addSource(kafka.buildFrom(bounded, offsets)).build();
    }
}
