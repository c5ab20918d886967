package io.flowcast.retention;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The SQL of one policy over its family. Identifiers and filters come from the family catalog;
 * numbers from the policy are integers; cut-offs, page ranges and run ids are bound.
 *
 * <p>Batches are ranges of heap pages ({@code ctid} between {@code (first,0)} and
 * {@code (end,0)}, a TID range scan): each DELETE reads a bounded slice of the table in
 * physical order, whatever the rule, and commits on its own, so a batch holds its row locks
 * and its share of I/O for a short, predictable time, and no index has to be walked for rows
 * that are about to go.
 */
final class RetentionStatements {

    /** Session temp table with the keep-last-N cut-off origin of each series. */
    static final String CUTOFFS = "retention_cutoffs";

    private final RetentionFamily family;
    private final RetentionPolicy policy;

    RetentionStatements(RetentionFamily family, RetentionPolicy policy) {
        this.family = family;
        this.policy = policy;
        if (byOrigins() ? !family.supportsOrigins() : !family.supportsDays()) {
            throw new IllegalArgumentException("family " + family.name() + " has no "
                    + (byOrigins() ? "series and origin columns (use keep_days)" : "time column (use keep_last_origins)"));
        }
    }

    boolean byOrigins() {
        return policy.keepLastOrigins() != null;
    }

    /**
     * Keep-last-N: the N-th newest origin of every series, the oldest one kept. The series are
     * enumerated by a skip scan over the (series, origin) index (one index probe per series), and
     * each series' newest origins are read from the same index; origins are those of all the
     * table's rows (request answers are made from the series' last closed week, so they add none).
     */
    String createCutoffs() {
        String cols = String.join(", ", family.seriesColumns());
        String t = family.qualifiedTable();
        return "CREATE TEMP TABLE " + CUTOFFS + " AS WITH RECURSIVE series AS ("
                + " (SELECT " + cols + " FROM " + t + " ORDER BY " + cols + " LIMIT 1)"
                + " UNION ALL SELECT n.* FROM series s CROSS JOIN LATERAL (SELECT " + prefixed("t", family.seriesColumns())
                + " FROM " + t + " t WHERE (" + prefixed("t", family.seriesColumns()) + ") > (" + prefixed("s", family.seriesColumns())
                + ") ORDER BY " + prefixed("t", family.seriesColumns()) + " LIMIT 1) n)"
                + " SELECT " + prefixed("s", family.seriesColumns()) + ", o.cutoff FROM series s CROSS JOIN LATERAL"
                + " (SELECT DISTINCT t." + family.originColumn() + " AS cutoff FROM " + t + " t WHERE " + joinOn("t", "s")
                + " ORDER BY 1 DESC OFFSET " + (policy.keepLastOrigins() - 1) + " LIMIT 1) o";
    }

    /** Keep-days: the oldest time kept, as text (null when the family is empty); no parameters. */
    String daysCutoff() {
        String reference = family.timeFromNewest()
                ? "(SELECT max(p." + family.timeColumn() + ") FROM " + family.qualifiedTable() + " p WHERE " + family.rowFilter() + ")"
                : "now()";
        return "SELECT (" + reference + " - make_interval(days => " + policy.keepDays() + "))::timestamptz::text";
    }

    /**
     * Dry run: the family's rows and the rows the rule selects, one scan (the family's filter in
     * WHERE, so a partial index such as the request answers' serves it); keep-days binds the cut-off.
     */
    String count() {
        return "SELECT count(*), count(*) FILTER (WHERE " + match() + ") FROM " + family.qualifiedTable() + " p"
                + (byOrigins() ? " LEFT JOIN " + CUTOFFS + " c ON " + joinOn("p", "c") : "")
                + " WHERE " + family.rowFilter();
    }

    /** Pages of the table now (rows appended later are newer than any cut-off). */
    String pages() {
        return "SELECT pg_relation_size('" + family.qualifiedTable() + "') / current_setting('block_size')::bigint";
    }

    /**
     * One batch: parameters first page (tid text), end page (tid text), then the cut-off
     * (keep-days), then the run id when archiving; the update count is the rows deleted.
     */
    String deleteBatch(List<String> archiveColumns) {
        String delete = "DELETE FROM " + family.qualifiedTable() + " p" + (byOrigins() ? " USING " + CUTOFFS + " c" : "")
                + " WHERE p.ctid >= ?::tid AND p.ctid < ?::tid AND " + family.rowFilter() + " AND " + match()
                + (byOrigins() ? " AND " + joinOn("p", "c") : "");
        if (!policy.archive()) {
            return delete;
        }
        String cols = archiveColumns.stream().map(RetentionStatements::quote).collect(Collectors.joining(", "));
        return "WITH gone AS (" + delete + " RETURNING p.*) INSERT INTO " + archiveTable() + " (" + cols
                + ", archived_at, archive_run) SELECT " + cols + ", now(), ?::uuid FROM gone";
    }

    String archiveTable() {
        return family.qualifiedTable() + "_archive";
    }

    private String match() {
        return byOrigins() ? "p." + family.originColumn() + " < c.cutoff" : "p." + family.timeColumn() + " < ?::timestamptz";
    }

    private String joinOn(String left, String right) {
        return family.seriesColumns().stream().map(col -> left + "." + col + " = " + right + "." + col)
                .collect(Collectors.joining(" AND "));
    }

    private static String prefixed(String alias, List<String> columns) {
        return columns.stream().map(col -> alias + "." + col).collect(Collectors.joining(", "));
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
