package io.flowcast.generator;

/** Debezium operation codes. */
public enum ChangeOp {
    /** Snapshot read: the row existed when the connector started. */
    READ("r"),
    CREATE("c"),
    /** Carries both the before and the after image. */
    UPDATE("u"),
    /** Carries only the before image. */
    DELETE("d");

    private final String code;

    ChangeOp(String code) {
        this.code = code;
    }

    /** The {@code op} field value. */
    public String code() {
        return code;
    }
}
