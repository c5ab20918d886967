package io.flowcast.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowcast.cdc.MirrorTable;
import io.flowcast.generator.BadEventKind;
import io.flowcast.generator.CdcGenerator;
import io.flowcast.generator.GeneratedMessage;
import io.flowcast.generator.GeneratorConfig;
import io.flowcast.generator.GeneratorLedger;
import io.flowcast.cluster.WarehouseDatabase;
import io.flowcast.kafka.KafkaLoad;
import io.flowcast.kafka.WarehouseReplay;
import java.sql.Connection;
import java.sql.DriverManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code flowcast generate}: replays the deterministic synthetic warehouse CDC into Kafka (see
 * {@code docs/generator.md}). Plain Kafka client, no Flink: it runs from the shaded jar alone.
 */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description = "Write synthetic warehouse CDC (Debezium JSON) to Kafka topics castrolanda.<schema>.<table>.")
public final class GenerateCommand implements java.util.concurrent.Callable<Integer> {
    private static final long PROGRESS_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(5);

    @Option(names = "--bootstrap", defaultValue = "${env:FLOWCAST_KAFKA:-127.0.0.1:9092}",
            description = "Kafka bootstrap servers (env FLOWCAST_KAFKA). Default: ${DEFAULT-VALUE}")
    String bootstrap;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed. Default: ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--products", defaultValue = "150", description = "Products. Default: ${DEFAULT-VALUE}")
    int products;

    @Option(names = "--weeks", defaultValue = "104", description = "Weeks of history. Default: ${DEFAULT-VALUE}")
    int weeks;

    @Option(names = "--regions", split = ",", description = "Regions (default SP,GO,MG,EX,RS,PR).")
    List<String> regions = GeneratorConfig.DEFAULT_REGIONS;

    @Option(names = "--start", description = "Monday the history starts on (default "
            + "2024-11-04).")
    LocalDate start = GeneratorConfig.DEFAULT_START;

    @Option(names = "--lines-per-week", defaultValue = "4.0",
            description = "Mean order lines per product x region x week with demand. Default: ${DEFAULT-VALUE}")
    double linesPerWeek;

    @Option(names = "--bad-fraction", defaultValue = "0",
            description = "Share of extra invalid messages (dead-letter test). Default: ${DEFAULT-VALUE}")
    double badFraction;

    @Option(names = "--update-fraction", defaultValue = "0.03",
            description = "Share of order lines amended later. Default: ${DEFAULT-VALUE}")
    double updateFraction;

    @Option(names = "--delete-fraction", defaultValue = "0.01",
            description = "Share of order lines cancelled later. Default: ${DEFAULT-VALUE}")
    double deleteFraction;

    @Option(names = "--tombstones", description = "Emit a tombstone after every delete.")
    boolean tombstones;

    @Option(names = "--rate", defaultValue = "0",
            description = "Messages per second; 0 = as fast as possible. Default: ${DEFAULT-VALUE}")
    double rate;

    @Option(names = "--max-events", defaultValue = "0", description = "Stop after this many messages; 0 = all.")
    long maxEvents;

    @Option(names = "--create-topics", description = "Create the topics first (replication factor 1).")
    boolean createTopics;

    @Option(names = "--partitions", defaultValue = "4",
            description = "Partitions of created topics. Default: ${DEFAULT-VALUE}")
    int partitions;

    @Option(names = "--ledger-out",
            description = "Write the expected outcome (counts, aggregates, weekly sales) as JSON to this file.")
    Path ledgerOut;

    @Option(names = "--dry-run", description = "Generate and encode only; send nothing (measures the generator).")
    boolean dryRun;

    @Option(names = "--warehouse-url",
            description = "Write the good row changes with SQL into this warehouse database (e.g."
                    + " jdbc:postgresql://127.0.0.1:5432/warehouse) for Debezium to capture, instead of encoding them;"
                    + " bad events still go straight to Kafka. See README, 'Debezium source'.")
    String warehouseUrl;

    @Option(names = "--warehouse-user", defaultValue = "${env:FLOWCAST_WAREHOUSE_USER:-postgres}",
            description = "Warehouse database user (env FLOWCAST_WAREHOUSE_USER; password: FLOWCAST_WAREHOUSE_PASSWORD). Default: ${DEFAULT-VALUE}")
    String warehouseUser;

    @Option(names = "--warehouse-create",
            description = "Create the warehouse database (if missing) and its tables (warehouse/warehouse_tables.sql) first.")
    boolean warehouseCreate;

    @Option(names = "--commit-every", defaultValue = "200",
            description = "With --warehouse-url: row changes per warehouse transaction (a paced run also commits before each pause). Default: ${DEFAULT-VALUE}")
    int commitEvery;

    @Override
    public Integer call() throws Exception {
        GeneratorConfig config = GeneratorConfig.builder()
                .seed(seed)
                .products(products)
                .weeks(weeks)
                .regions(regions)
                .startDate(start)
                .linesPerSeriesWeek(linesPerWeek)
                .badFraction(badFraction)
                .updateFraction(updateFraction)
                .deleteFraction(deleteFraction)
                .emitTombstones(tombstones)
                // Final rows are only needed for row-level checks, which read the ledger in-process.
                .keepFinalRows(false)
                .build();
        if (createTopics && !dryRun) {
            createTopics(config);
        }
        CdcGenerator.CdcStream stream = new CdcGenerator(config).stream();
        if (warehouseUrl != null) {
            return writeWarehouse(config, stream);
        }
        Map<String, long[]> byTopic = new TreeMap<>();
        AtomicReference<Exception> sendFailure = new AtomicReference<>();
        long started = System.nanoTime();
        long lastProgress = started;
        long sent = 0;
        long bytes = 0;
        try (KafkaProducer<byte[], byte[]> producer = dryRun ? null : KafkaLoad.producer(bootstrap)) {
            while (stream.hasNext() && (maxEvents <= 0 || sent < maxEvents)) {
                GeneratedMessage message = stream.next();
                if (producer != null) {
                    producer.send(KafkaLoad.record(message), (metadata, error) -> {
                                if (error != null) {
                                    sendFailure.compareAndSet(null, error);
                                }
                            });
                }
                if (sendFailure.get() != null) {
                    throw sendFailure.get();
                }
                sent++;
                bytes += message.key().length + (message.value() == null ? 0 : message.value().length);
                byTopic.computeIfAbsent(message.topic(), t -> new long[1])[0]++;
                if (rate > 0) {
                    pace(started, sent);
                }
                long now = System.nanoTime();
                if (now - lastProgress >= PROGRESS_INTERVAL_NANOS) {
                    lastProgress = now;
                    System.out.printf("... %,d messages, %,.0f msg/s%n", sent, sent / seconds(started, now));
                }
            }
            if (producer != null) {
                producer.flush();
            }
        }
        if (sendFailure.get() != null) {
            throw sendFailure.get();
        }
        double elapsed = seconds(started, System.nanoTime());
        printSummary(stream.ledger(), byTopic, sent, bytes, elapsed);
        if (ledgerOut != null) {
            writeLedger(config, stream.ledger(), ledgerOut);
            System.out.println("ledger written to " + ledgerOut);
        }
        return 0;
    }

    private int writeWarehouse(GeneratorConfig config, CdcGenerator.CdcStream stream) throws Exception {
        String password = System.getenv().getOrDefault("FLOWCAST_WAREHOUSE_PASSWORD", "");
        if (warehouseCreate) {
            WarehouseDatabase.create(warehouseUrl, warehouseUser, password);
        }
        WarehouseReplay.Result result;
        try (Connection warehouse = DriverManager.getConnection(warehouseUrl, warehouseUser, password);
                KafkaProducer<byte[], byte[]> producer = dryRun ? null : KafkaLoad.producer(bootstrap)) {
            result = WarehouseReplay.play(stream, warehouse, producer, commitEvery, rate, maxEvents, at -> {});
        }
        System.out.printf("wrote %,d row changes (%,d deletes) to %s in %,d commits, %.2f s (%,.0f changes/s); %,d bad events to %s%n",
                result.changes(), result.deletes(), warehouseUrl, result.commits(), result.seconds(),
                result.changes() / Math.max(1e-9, result.seconds()), result.badEvents(), dryRun ? "nowhere (dry run)" : bootstrap);
        if (ledgerOut != null) {
            writeLedger(config, stream.ledger(), ledgerOut);
            System.out.println("ledger written to " + ledgerOut);
        }
        return 0;
    }

    private void createTopics(GeneratorConfig config) throws InterruptedException, ExecutionException {
        List<String> names = new ArrayList<>();
        for (MirrorTable table : MirrorTable.values()) {
            names.add(table.topic());
        }
        if (config.badFraction() > 0) {
            names.add(CdcGenerator.UNKNOWN_TABLE_TOPIC);
        }
        List<String> created = KafkaLoad.createTopics(bootstrap, names, partitions);
        for (String name : names) {
            System.out.println((created.contains(name) ? "created topic " : "topic exists: ") + name
                    + (created.contains(name) ? " (" + partitions + " partitions)" : ""));
        }
    }

    /** Sleeps until the wall clock catches up with the target rate. */
    private void pace(long started, long sent) throws InterruptedException {
        long due = started + (long) (sent / rate * 1e9);
        long ahead = due - System.nanoTime();
        if (ahead > TimeUnit.MILLISECONDS.toNanos(1)) {
            TimeUnit.NANOSECONDS.sleep(ahead);
        }
    }

    private static double seconds(long from, long to) {
        return Math.max(1e-9, (to - from) / 1e9);
    }

    private void printSummary(GeneratorLedger ledger, Map<String, long[]> byTopic, long sent, long bytes, double elapsed) {
        System.out.println(dryRun ? "generated (dry run, nothing sent):" : "sent to " + bootstrap + ":");
        byTopic.forEach((topic, count) -> System.out.printf("  %-40s %,12d%n", topic, count[0]));
        System.out.println("bad events by kind:");
        for (BadEventKind kind : BadEventKind.values()) {
            System.out.printf("  %-40s %,12d%n", kind, ledger.badEvents(kind));
        }
        if (ledger.tombstones() > 0) {
            System.out.printf("  %-40s %,12d%n", "tombstones", ledger.tombstones());
        }
        System.out.printf("total %,d messages, %,.1f MiB in %.2f s: %,.0f msg/s%n", sent, bytes / 1048576.0, elapsed,
                sent / elapsed);
    }

    private static void writeLedger(GeneratorConfig config, GeneratorLedger ledger, Path file) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        ObjectNode cfg = root.putObject("config");
        cfg.put("seed", config.seed()).put("products", config.products()).put("weeks", config.weeks())
                .put("start", config.startDate().toString()).put("bad_fraction", config.badFraction());
        cfg.putPOJO("regions", config.regions());
        ObjectNode tables = root.putObject("tables");
        for (MirrorTable table : MirrorTable.values()) {
            tables.putObject(table.qualifiedSourceName())
                    .put("good_events", ledger.goodEvents(table))
                    .put("final_rows", ledger.rowCount(table));
        }
        ObjectNode bad = root.putObject("bad_events");
        ledger.badEventCounts().forEach((kind, count) -> bad.put(kind.name(), count));
        root.put("tombstones", ledger.tombstones());
        ArrayNode weekly = root.putArray("weekly_sales");
        ledger.weeklySales().entrySet().stream()
                .sorted(Map.Entry.comparingByKey((a, b) -> Arrays.compare(
                        new String[] {a.productCode(), a.region(), a.weekStart().toString()},
                        new String[] {b.productCode(), b.region(), b.weekStart().toString()})))
                .forEach(e -> weekly.addObject()
                        .put("product_code", e.getKey().productCode())
                        .put("region", e.getKey().region())
                        .put("week_start", e.getKey().weekStart().toString())
                        .put("lines", e.getValue().lines())
                        .put("units", e.getValue().units())
                        .put("revenue", e.getValue().revenue()));
        ArrayNode daily = root.putArray("transactions_daily");
        ledger.dailyTransactions().forEach((key, agg) -> daily.addObject()
                .put("product_code", key.productCode()).put("day", key.day().toString())
                .put("count", agg.count()).put("quantity", agg.quantity()).put("value", agg.value()));
        ArrayNode monthly = root.putArray("transactions_monthly");
        ledger.monthlyTransactions().forEach((key, agg) -> monthly.addObject()
                .put("product_code", key.productCode()).put("month", key.month().toString())
                .put("count", agg.count()).put("quantity", agg.quantity()).put("value", agg.value()));
        ObjectNode latest = root.putObject("latest_transaction");
        MirrorTable tx = MirrorTable.INVENTORY_TRANSACTIONS;
        new TreeMap<>(ledger.latestTransactions()).forEach((product, row) -> {
            ObjectNode node = latest.putObject(product);
            for (int i = 0; i < row.length; i++) {
                node.put(tx.columns().get(i).source(), row[i] == null ? null : row[i].toString());
            }
        });
        Files.createDirectories(file.toAbsolutePath().getParent());
        mapper.writeValue(file.toFile(), root);
    }
}
