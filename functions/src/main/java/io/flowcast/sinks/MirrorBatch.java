package io.flowcast.sinks;

import io.flowcast.cdc.MirrorTable;
import io.flowcast.cdc.MirrorChange;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Changes buffered between two flushes, reduced to the last change per natural key.
 *
 * <p>Reduction is what makes a flush both fast and correct: within one flush only a row's final
 * state matters (an insert followed by a delete is a delete; two updates are the second), so the
 * upserts and the deletes of a table touch disjoint keys and can run as two set-based statements
 * in any order. Changes of one key arrive in order because one Kafka partition carries them and
 * the sink is chained to the source.
 */
public final class MirrorBatch {

    private final Map<MirrorTable, LinkedHashMap<String, MirrorChange>> pending = new EnumMap<>(MirrorTable.class);
    private final Map<MirrorTable, MirrorStatements> statements = new EnumMap<>(MirrorTable.class);
    private int size;

    public MirrorBatch() {
        for (MirrorTable table : MirrorTable.values()) {
            statements.put(table, new MirrorStatements(table));
        }
    }

    public void add(MirrorChange change) {
        MirrorChange previous =
                pending.computeIfAbsent(change.table(), t -> new LinkedHashMap<>()).put(change.key(), change);
        if (previous == null) {
            size++;
        }
    }

    /** Distinct keys waiting to be written. */
    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /**
     * Writes everything in one transaction and commits. On failure the transaction is rolled back
     * and the batch is kept, so the caller can retry the same flush.
     */
    public FlushResult flush(Connection connection) throws SQLException {
        int upserted = 0;
        int deleted = 0;
        try {
            for (Map.Entry<MirrorTable, LinkedHashMap<String, MirrorChange>> entry : pending.entrySet()) {
                List<MirrorChange> upserts = new ArrayList<>();
                List<MirrorChange> deletes = new ArrayList<>();
                for (MirrorChange change : entry.getValue().values()) {
                    (change.isDelete() ? deletes : upserts).add(change);
                }
                MirrorStatements sql = statements.get(entry.getKey());
                upserted += sql.upsert(connection, upserts);
                deleted += sql.delete(connection, deletes);
            }
            connection.commit();
        } catch (SQLException e) {
            try {
                connection.rollback();
            } catch (SQLException rollbackFailure) {
                e.addSuppressed(rollbackFailure);
            }
            throw e;
        }
        int changes = size;
        pending.clear();
        size = 0;
        return new FlushResult(changes, upserted, deleted);
    }

    /**
     * @param changes distinct keys flushed
     * @param upserted rows inserted or updated
     * @param deleted rows deleted (a delete of a row never mirrored deletes nothing)
     */
    public record FlushResult(int changes, int upserted, int deleted) {}
}
