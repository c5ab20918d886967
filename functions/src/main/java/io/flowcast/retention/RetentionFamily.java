package io.flowcast.retention;

import java.util.List;

/**
 * A key family a retention policy can name: a table and which of its rows, with the columns a
 * rule needs. The SQL fragments are constants of this catalog, never text from the policy table,
 * so whoever may edit policies cannot inject SQL into the job's DELETEs.
 *
 * @param name the policy's {@code family} value, e.g. {@code prediction_results.scheduled}
 * @param table table in schema {@code flowcast}
 * @param rowFilter which rows of the table belong to the family ({@code TRUE} for all)
 * @param seriesColumns the series key for keep-last-N-origins rules (empty: no such rule)
 * @param originColumn the origin week column of a series (null: no such rule)
 * @param timeColumn the column keep-days rules compare (null: no such rule)
 * @param timeFromNewest keep-days counts back from the family's newest {@code timeColumn} value
 *     (event time: a replay of old history, or a stopped pipeline, keeps its rows) instead of
 *     from now (processing-time columns such as {@code created_at})
 */
public record RetentionFamily(String name, String table, String rowFilter, List<String> seriesColumns,
        String originColumn, String timeColumn, boolean timeFromNewest) {

    public boolean supportsOrigins() {
        return originColumn != null && !seriesColumns.isEmpty();
    }

    public boolean supportsDays() {
        return timeColumn != null;
    }

    public String qualifiedTable() {
        return "flowcast." + table;
    }
}
