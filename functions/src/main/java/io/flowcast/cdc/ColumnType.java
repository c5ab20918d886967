package io.flowcast.cdc;

/**
 * Logical type of a mirrored column, as it arrives in a Debezium JSON envelope and as it is
 * stored in PostgreSQL.
 *
 * <p>Accepted JSON encodings are deliberately lenient where Debezium itself varies with its
 * converter settings (numbers as JSON numbers or strings with {@code decimal.handling.mode=string};
 * timestamps as ISO-8601 strings or epoch milliseconds), and strict everywhere else.
 */
public enum ColumnType {
    /** UTF-8 text; {@code String}. */
    TEXT("text"),
    /** 32-bit integer; {@code Integer}. */
    INT("integer"),
    /** 64-bit integer; {@code Long}. */
    BIGINT("bigint"),
    /** Exact decimal; {@code BigDecimal}. JSON number or numeric string. */
    DECIMAL("numeric"),
    /** {@code Boolean}; JSON true/false (also 0/1, as some warehouses encode flags). */
    BOOLEAN("boolean"),
    /** Calendar date; {@code LocalDate}. ISO {@code yyyy-mm-dd} or Debezium's epoch days. */
    DATE("date"),
    /**
     * Instant; {@code Instant}. ISO-8601 with offset, ISO local date-time (taken as UTC), or epoch
     * milliseconds (Debezium {@code io.debezium.time.Timestamp}).
     */
    TIMESTAMP("timestamptz");

    private final String postgresType;

    ColumnType(String postgresType) {
        this.postgresType = postgresType;
    }

    /** The PostgreSQL type the mirror table uses for this column (also the array element type). */
    public String postgresType() {
        return postgresType;
    }
}
