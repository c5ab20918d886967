package io.flowcast.testing;

import io.flowcast.cdc.MirrorTable;
import io.flowcast.cdc.MirrorChange;
import io.flowcast.sinks.MirrorStatements;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes rows into a PG mirror table through the mirror sink's own statements, as InventoryMirrorJob
 * would have after reading them from partition 0 of the table's topic at offsets 0, 1, 2, ...
 */
public final class MirrorLoader {

    private MirrorLoader() {}

    public static void load(Connection connection, MirrorTable table, Map<String, Object[]> rows) throws SQLException {
        MirrorStatements statements = new MirrorStatements(table);
        List<MirrorChange> batch = new ArrayList<>();
        long offset = 0;
        for (Object[] row : rows.values()) {
            batch.add(new MirrorChange(table, 'r', row, 1_700_000_000_000L, table.topic(), 0, offset++, 1_700_000_000_000L, null));
            if (batch.size() == 5_000) {
                statements.upsert(connection, batch);
                batch.clear();
            }
        }
        statements.upsert(connection, batch);
    }
}
