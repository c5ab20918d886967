package io.flowcast.reconciliation;

import io.flowcast.aggregate.InventoryCacheOptions;
import io.flowcast.aggregate.RedisKeys;
import io.flowcast.aggregate.Totals;
import io.flowcast.cdc.MirrorChange;
import io.flowcast.cdc.MirrorTable;
import io.flowcast.reconcile.DiffKind;
import io.flowcast.reconcile.RowHash;
import io.flowcast.records.ReconDiff;
import io.flowcast.records.RedisWrite;
import io.flowcast.sinks.MirrorStatements;
import io.flowcast.sinks.PostgresOptions;
import io.flowcast.sinks.RedisOptions;
import io.flowcast.sinks.RedisSink;
import io.flowcast.warehouse.JdbcRows;
import io.flowcast.warehouse.SnapshotFile;
import io.flowcast.warehouse.SnapshotFileReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.RedisClient;

/**
 * Makes the PG mirror equal to the source on the keys a comparison found: MISSING and DIFFERENT
 * rows are upserted with the source's row, EXTRA rows deleted, each change written to
 * {@code reconciliation_audit} in the same transaction as the change. Then the Redis keys derived
 * from repaired inventory transactions are rewritten from the repaired mirror (daily and monthly
 * totals) or invalidated ({@code inventory:realtime:*}, rewritten by the job on the product's next
 * transaction).
 *
 * <p>Where a snapshot file of a table could not be read, that table's EXTRA rows are left alone:
 * they may only be absent from the unread file.
 */
public final class MirrorRepairer {

    private static final Logger LOG = LoggerFactory.getLogger(MirrorRepairer.class);

    /** Lineage of repaired rows: no Kafka topic; partition -1 never counts as newer than a snapshot. */
    public static final String LINEAGE_TOPIC = "reconciliation";

    private static final String AUDIT_SQL = "INSERT INTO flowcast.reconciliation_audit"
            + " (run_id, table_name, row_key, action, before_hash, after_hash, redis_keys) VALUES (?, ?, ?, ?, ?, ?, ?)";

    private final PostgresOptions mirror;
    private final RedisOptions redis;
    private final InventoryCacheOptions cache;

    public MirrorRepairer(PostgresOptions mirror, RedisOptions redis, InventoryCacheOptions cache) {
        this.mirror = mirror;
        this.redis = redis;
        this.cache = cache;
    }

    /** Repairs every diff it safely can; returns the number of mirror rows changed. */
    public long repair(long runId, ReconciliationSource source, ComparisonResult result) throws Exception {
        Map<MirrorTable, List<ReconDiff>> byTable = new HashMap<>();
        for (ReconDiff diff : result.diffs()) {
            byTable.computeIfAbsent(MirrorTable.values()[diff.table()], t -> new ArrayList<>()).add(diff);
        }
        long changed = 0;
        Set<String> productDays = new TreeSet<>();
        Set<String> products = new TreeSet<>();
        for (Map.Entry<MirrorTable, List<ReconDiff>> entry : byTable.entrySet()) {
            changed += repairTable(runId, source, entry.getKey(), entry.getValue(), !result.complete(entry.getKey()),
                    productDays, products);
        }
        refreshRedis(productDays, products);
        return changed;
    }

    private long repairTable(long runId, ReconciliationSource source, MirrorTable table, List<ReconDiff> diffs,
            boolean sourceIncomplete, Set<String> productDays, Set<String> products) throws Exception {
        Set<String> upsertKeys = new LinkedHashSet<>();
        Set<String> mirrorKeys = new LinkedHashSet<>();
        for (ReconDiff diff : diffs) {
            if (diff.kind() != DiffKind.EXTRA) {
                upsertKeys.add(diff.key());
            }
            if (diff.kind() != DiffKind.MISSING) {
                mirrorKeys.add(diff.key());
            }
        }
        Map<String, Object[]> after = sourceRows(source, table, upsertKeys);
        Map<String, Object[]> before = mirrorRows(table, mirrorKeys);
        long now = System.currentTimeMillis();
        List<MirrorChange> upserts = new ArrayList<>();
        List<MirrorChange> deletes = new ArrayList<>();
        List<Object[]> audit = new ArrayList<>();
        for (ReconDiff diff : diffs) {
            Object[] beforeRow = before.get(diff.key());
            if (diff.kind() == DiffKind.EXTRA) {
                if (sourceIncomplete) {
                    LOG.warn("run {}: not deleting {} {}: a snapshot file of the table was unreadable", runId, table, diff.key());
                    continue;
                }
                if (beforeRow == null) {
                    continue; // deleted in the meantime
                }
                deletes.add(change(table, 'd', beforeRow, now, runId));
                audit.add(auditRow(table, diff.key(), "DELETE", RowHash.of(beforeRow), null, redisKeys(table, beforeRow, null)));
                touched(table, beforeRow, productDays, products);
            } else {
                Object[] afterRow = after.get(diff.key());
                if (afterRow == null) {
                    LOG.warn("run {}: source row {} {} not found again; left as is", runId, table, diff.key());
                    continue;
                }
                upserts.add(change(table, 'r', afterRow, now, runId));
                audit.add(auditRow(table, diff.key(), beforeRow == null ? "INSERT" : "UPDATE",
                        beforeRow == null ? null : RowHash.of(beforeRow), RowHash.of(afterRow), redisKeys(table, beforeRow, afterRow)));
                touched(table, beforeRow, productDays, products);
                touched(table, afterRow, productDays, products);
            }
        }
        MirrorStatements statements = new MirrorStatements(table);
        try (Connection connection = mirror.connect()) {
            connection.setAutoCommit(false);
            int upserted = statements.upsert(connection, upserts);
            int deleted = statements.delete(connection, deletes);
            try (PreparedStatement ps = connection.prepareStatement(AUDIT_SQL)) {
                for (Object[] row : audit) {
                    ps.setLong(1, runId);
                    ps.setString(2, table.mirrorTable());
                    ps.setString(3, (String) row[0]);
                    ps.setString(4, (String) row[1]);
                    ps.setString(5, (String) row[2]);
                    ps.setString(6, (String) row[3]);
                    ps.setArray(7, connection.createArrayOf("text", ((List<?>) row[4]).toArray()));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            connection.commit();
            LOG.info("run {}: {} repaired ({} upserted, {} deleted)", runId, table.mirrorTable(), upserted, deleted);
            return upserted + deleted;
        }
    }

    private static Object[] auditRow(MirrorTable table, String key, String action, String beforeHash, String afterHash,
            List<String> redisKeys) {
        return new Object[] {key, action, beforeHash, afterHash, redisKeys};
    }

    private static MirrorChange change(MirrorTable table, char op, Object[] row, long now, long runId) {
        return new MirrorChange(table, op, row, now, LINEAGE_TOPIC, -1, runId, now, null);
    }

    /** The Redis keys a transaction row feeds (DESIGN section 4); other tables feed none. */
    private static List<String> redisKeys(MirrorTable table, Object[] before, Object[] after) {
        Set<String> keys = new LinkedHashSet<>();
        for (Object[] row : new Object[][] {before, after}) {
            if (row == null || table != MirrorTable.INVENTORY_TRANSACTIONS) {
                continue;
            }
            String product = (String) row[table.indexOfSource("codigo_produto")];
            LocalDate day = LocalDate.ofInstant((Instant) row[table.eventTimeIndex()], ZoneOffset.UTC);
            keys.add(RedisKeys.daily(product, day));
            keys.add(RedisKeys.monthly(product, YearMonth.from(day)));
            keys.add(RedisKeys.realtime(product));
        }
        return new ArrayList<>(keys);
    }

    private static void touched(MirrorTable table, Object[] row, Set<String> productDays, Set<String> products) {
        if (row == null || table != MirrorTable.INVENTORY_TRANSACTIONS) {
            return;
        }
        String product = (String) row[table.indexOfSource("codigo_produto")];
        productDays.add(product + "\u001f" + LocalDate.ofInstant((Instant) row[table.eventTimeIndex()], ZoneOffset.UTC));
        products.add(product);
    }

    /** Rewrites the day and month totals of the touched products from the repaired mirror. */
    private void refreshRedis(Set<String> productDays, Set<String> products) throws SQLException {
        if (productDays.isEmpty()) {
            return;
        }
        List<RedisWrite> writes = new ArrayList<>();
        Set<String> productMonths = new TreeSet<>();
        try (Connection connection = mirror.connect()) {
            for (String productDay : productDays) {
                String[] parts = productDay.split("\u001f");
                LocalDate day = LocalDate.parse(parts[1]);
                productMonths.add(parts[0] + "\u001f" + YearMonth.from(day));
                Totals totals = totals(connection, parts[0], day.atStartOfDay(ZoneOffset.UTC).toInstant(),
                        day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
                writes.add(totalsWrite(RedisKeys.daily(parts[0], day), totals, cache.dailyTtl().toSeconds()));
            }
            for (String productMonth : productMonths) {
                String[] parts = productMonth.split("\u001f");
                YearMonth month = YearMonth.parse(parts[1]);
                Totals totals = totals(connection, parts[0], month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
                        month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant());
                writes.add(totalsWrite(RedisKeys.monthly(parts[0], month), totals, cache.monthlyTtl().toSeconds()));
            }
        }
        // The latest transaction of a product is the job's to say (it is kept in its state).
        products.forEach(product -> writes.add(RedisWrite.delete(RedisKeys.realtime(product))));
        try (RedisClient client = RedisClient.create(URI.create(redis.uri()))) {
            RedisSink.execute(client, writes);
        }
    }

    private static RedisWrite totalsWrite(String key, Totals totals, long ttlSeconds) {
        return totals.isEmpty() ? RedisWrite.delete(key) : RedisWrite.hash(key, ttlSeconds, totals.toHashFields());
    }

    private static Totals totals(Connection connection, String product, Instant from, Instant to) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT count(*), coalesce(sum(quantity), 0), coalesce(sum(value_total), 0) FROM flowcast.ml_inventory_transactions"
                        + " WHERE product_code = ? AND moved_at >= ? AND moved_at < ?")) {
            ps.setString(1, product);
            ps.setTimestamp(2, Timestamp.from(from));
            ps.setTimestamp(3, Timestamp.from(to));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                BigDecimal volume = rs.getBigDecimal(2);
                BigDecimal value = rs.getBigDecimal(3);
                return new Totals(rs.getLong(1), volume, value);
            }
        }
    }

    private Map<String, Object[]> mirrorRows(MirrorTable table, Set<String> keys) throws SQLException {
        Map<String, Object[]> rows = new HashMap<>();
        if (keys.isEmpty()) {
            return rows;
        }
        try (Connection connection = mirror.connect()) {
            connection.setAutoCommit(false);
            JdbcRows.read(connection, table, JdbcRows.mirrorSelect(table, null), row -> keep(table, keys, rows, row));
            connection.rollback();
        }
        return rows;
    }

    private static Map<String, Object[]> sourceRows(ReconciliationSource source, MirrorTable table, Set<String> keys)
            throws SQLException {
        Map<String, Object[]> rows = new HashMap<>();
        if (keys.isEmpty()) {
            return rows;
        }
        if (source.snapshot() == null) {
            try (Connection connection = source.warehouse().connect()) {
                connection.setAutoCommit(false);
                JdbcRows.read(connection, table, JdbcRows.sourceSelect(table, null), row -> keep(table, keys, rows, row));
                connection.rollback();
            }
            return rows;
        }
        Configuration conf = source.hadoop().configuration();
        for (SnapshotFile file : source.snapshot().files()) {
            if (file.table() != table) {
                continue;
            }
            try (SnapshotFileReader reader = new SnapshotFileReader(table, file.path(), conf)) {
                for (Object[] row = reader.next(); row != null; row = reader.next()) {
                    keep(table, keys, rows, row);
                }
            } catch (IOException e) {
                LOG.warn("skipping unreadable snapshot file {}: {}", file.path(), e.getMessage());
            }
        }
        return rows;
    }

    private static void keep(MirrorTable table, Set<String> keys, Map<String, Object[]> rows, Object[] row) {
        String key = table.keyString(row);
        if (keys.contains(key)) {
            rows.put(key, row);
        }
    }
}
