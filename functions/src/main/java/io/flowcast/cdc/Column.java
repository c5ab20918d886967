package io.flowcast.cdc;

import java.io.Serializable;

/**
 * One column of a mirrored source table.
 *
 * @param source name of the field in the Debezium {@code before}/{@code after} images (the
 *     warehouse's Portuguese names, e.g. {@code codigo_produto})
 * @param target name of the column in the PostgreSQL mirror table (e.g. {@code product_code})
 * @param type logical type
 * @param key part of the natural key
 * @param required must be present and non-null in an insert/update image
 * @param nonNegative a negative value is invalid (quantities, prices, costs)
 */
public record Column(
        String source, String target, ColumnType type, boolean key, boolean required, boolean nonNegative)
        implements Serializable {

    static Column key(String source, String target, ColumnType type) {
        return new Column(source, target, type, true, true, false);
    }

    static Column required(String source, String target, ColumnType type) {
        return new Column(source, target, type, false, true, false);
    }

    static Column requiredAmount(String source, String target) {
        return new Column(source, target, ColumnType.DECIMAL, false, true, true);
    }

    static Column amount(String source, String target) {
        return new Column(source, target, ColumnType.DECIMAL, false, false, true);
    }

    static Column optional(String source, String target, ColumnType type) {
        return new Column(source, target, type, false, false, false);
    }
}
