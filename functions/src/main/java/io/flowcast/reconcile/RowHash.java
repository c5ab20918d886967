package io.flowcast.reconcile;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Content hash of a row's source columns, equal for two rows exactly when their values are equal:
 * decimals by value (3.50 = 3.5), instants to the microsecond in UTC, null distinct from every
 * value. The first 128 bits of SHA-256 over a canonical text: collisions are not a practical
 * concern at warehouse sizes, and the text form keeps the hash independent of how a value was
 * read (JDBC, Parquet, Debezium JSON).
 */
public final class RowHash {

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    private static final char NULL = '\u0000';
    private static final char SEPARATOR = '\u001f';

    private RowHash() {}

    /** 32 hex characters. */
    public static String of(Object[] row) {
        return HexFormat.of().formatHex(SHA256.get().digest(canonical(row).getBytes(StandardCharsets.UTF_8)), 0, 16);
    }

    static String canonical(Object[] row) {
        StringBuilder text = new StringBuilder(row.length * 12);
        for (Object value : row) {
            if (value == null) {
                text.append(NULL);
            } else if (value instanceof BigDecimal decimal) {
                text.append(decimal.signum() == 0 ? "0" : decimal.stripTrailingZeros().toPlainString());
            } else {
                text.append(value);
            }
            text.append(SEPARATOR);
        }
        return text.toString();
    }
}
