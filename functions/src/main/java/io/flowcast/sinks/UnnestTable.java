package io.flowcast.sinks;

import java.io.Serializable;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A PostgreSQL table written with one set-based statement per flush:
 * {@code INSERT INTO t (cols) SELECT * FROM unnest(?::type[], ..) <onConflict>}. Each table of
 * DemandForecastJob declares its columns, conflict clause and row key in one small class
 * (package {@code sinks.tables}); {@link UnnestSink} does the buffering and the arrays.
 */
public interface UnnestTable<T> extends Serializable {

    /** Qualified table name, e.g. {@code flowcast.weekly_sales}. */
    String table();

    List<UnnestColumn<T>> columns();

    /** {@code ON CONFLICT ...} clause (the statement's idempotence). */
    String onConflict();

    /**
     * The row's primary key: a flush keeps the last row per key, because one statement may touch
     * a row only once.
     */
    Object key(T row);

    /** The statement this table is written with. */
    default String statement() {
        List<UnnestColumn<T>> columns = columns();
        return "INSERT INTO " + table() + " ("
                + columns.stream().map(UnnestColumn::name).collect(Collectors.joining(", "))
                + ") SELECT * FROM unnest("
                + columns.stream().map(c -> "?::" + c.arrayType() + "[]").collect(Collectors.joining(", "))
                + ") " + onConflict();
    }
}
