package io.flowcast.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowcast.cdc.MirrorTable;
import io.flowcast.generator.CdcGenerator;
import io.flowcast.generator.GeneratorConfig;
import io.flowcast.generator.GeneratorLedger;
import io.flowcast.testing.LocalHdfs;
import io.flowcast.testing.MirrorSnapshot;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Export to a real HDFS and read back: the snapshot's Parquet files hold exactly the generator's
 * final rows, the layout is {@code /warehouse/<schema>/<table>/dt=DATE/part-*.parquet} with a
 * {@code _SNAPSHOT} manifest carrying the CDC position, and a damaged file fails with its path.
 */
class SnapshotExportITCase {

    private static final LocalDate DATE = LocalDate.parse("2026-11-30");

    private static LocalHdfs hdfs;
    private static GeneratorLedger ledger;

    @BeforeAll
    static void start() throws Exception {
        hdfs = LocalHdfs.start();
        ledger = new CdcGenerator(GeneratorConfig.builder().seed(7L).products(6).weeks(10).badFraction(0).build())
                .generateAll().ledger();
    }

    @AfterAll
    static void stop() {
        if (hdfs != null) {
            hdfs.close();
        }
    }

    @Test
    void exportedSnapshotReadsBackAsTheLedgerWithItsPosition() throws Exception {
        HadoopOptions options = hdfs.options(500);
        Map<String, Map<Integer, Long>> offsets = Map.of(MirrorTable.SALES_ORDERS.topic(), Map.of(0, 41L, 1, 17L));
        List<SnapshotManifest> manifests;
        try (LedgerSource source = new LedgerSource(ledger, offsets, 1_700_000_000_000L)) {
            manifests = new SnapshotExporter(options).export(source, DATE, List.of(MirrorTable.values()));
        }
        assertThat(manifests).hasSize(MirrorTable.values().length);

        FileSystem fs = hdfs.fileSystem();
        Path orders = new Path("/warehouse/sales/orders/dt=2026-11-30");
        assertThat(fs.exists(new Path(orders, "_SNAPSHOT"))).isTrue();
        assertThat(fs.exists(new Path(orders, "part-00000.parquet"))).isTrue();

        Snapshot snapshot = Snapshot.open(fs, "/warehouse", DATE, List.of(MirrorTable.values()));
        assertThat(snapshot.manifest(MirrorTable.SALES_ORDERS).position().kafkaOffsets()).isEqualTo(Map.of(0, 41L, 1, 17L));
        assertThat(snapshot.manifest(MirrorTable.SALES_ORDERS).files()).hasSizeGreaterThan(1);
        assertThat(Snapshot.latestDate(fs, "/warehouse", MirrorTable.PURCHASES)).isEqualTo(DATE);

        for (MirrorTable table : MirrorTable.values()) {
            Map<String, String> read = new TreeMap<>();
            for (SnapshotFile file : snapshot.files()) {
                if (file.table() != table) {
                    continue;
                }
                try (SnapshotFileReader reader = new SnapshotFileReader(table, hdfs.uri() + file.path(), options.configuration())) {
                    for (Object[] row = reader.next(); row != null; row = reader.next()) {
                        read.put(table.keyString(row), MirrorSnapshot.canonicalRow(row));
                    }
                    assertThat(reader.rowsRead()).isEqualTo(file.rows());
                }
            }
            assertThat(read).as(table.qualifiedSourceName()).isEqualTo(MirrorSnapshot.canonical(table, ledger.rows(table)));
            assertThat(snapshot.manifest(table).rows()).isEqualTo(ledger.rowCount(table));
        }
    }

    @Test
    void aDamagedFileFailsWithItsPath() throws Exception {
        HadoopOptions options = hdfs.options(1_000_000);
        LocalDate date = DATE.minusDays(1);
        try (LedgerSource source = new LedgerSource(ledger, Map.of(), 0L)) {
            new SnapshotExporter(options).export(source, date, List.of(MirrorTable.PRODUCT_MASTER));
        }
        FileSystem fs = hdfs.fileSystem();
        Path file = new Path("/warehouse/inventory/product_master/dt=" + date + "/part-00000.parquet");
        corrupt(fs, file);
        assertThatThrownBy(() -> {
            try (SnapshotFileReader reader = new SnapshotFileReader(MirrorTable.PRODUCT_MASTER, file.toString(), options.configuration())) {
                reader.next();
            }
        }).isInstanceOf(IOException.class).hasMessageContaining("part-00000.parquet");
    }

    /** Overwrites a file with text of the same length: no Parquet footer, no magic. */
    static void corrupt(FileSystem fs, Path file) throws IOException {
        FileStatus status = fs.getFileStatus(file);
        byte[] junk = new byte[(int) status.getLen()];
        java.util.Arrays.fill(junk, (byte) 'x');
        try (OutputStream out = fs.create(file, true)) {
            out.write(junk);
        }
    }
}
