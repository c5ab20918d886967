package io.flowcast.warehouse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.flowcast.cdc.MirrorTable;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The {@code _SNAPSHOT} file next to a table's {@code part-*.parquet} files: which snapshot they
 * belong to, which rows they hold, and the CDC position they are consistent with. Written last,
 * so a partition without it is an export that did not finish.
 *
 * @param snapshotId one id shared by the tables exported together
 * @param date the partition ({@code dt=YYYY-MM-DD})
 * @param table source table, {@code schema.table}
 * @param source what the rows were read from (e.g. {@code postgres-mirror jdbc:postgresql://...})
 * @param createdAt when the export read the source
 * @param position the CDC position the rows are consistent with
 * @param files the data files with their row counts
 */
public record SnapshotManifest(
        String snapshotId,
        LocalDate date,
        String table,
        String source,
        Instant createdAt,
        SnapshotPosition position,
        List<DataFile> files) {

    public static final String FILE_NAME = "_SNAPSHOT";

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    /** One Parquet file of the partition. */
    public record DataFile(String name, long rows) {}

    public long rows() {
        return files.stream().mapToLong(DataFile::rows).sum();
    }

    public MirrorTable mirrorTable() {
        for (MirrorTable candidate : MirrorTable.values()) {
            if (candidate.qualifiedSourceName().equals(table)) {
                return candidate;
            }
        }
        throw new IllegalStateException("snapshot of unknown table " + table);
    }

    public byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static SnapshotManifest fromJson(byte[] json) throws IOException {
        return JSON.readValue(json, SnapshotManifest.class);
    }
}
