package io.flowcast.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RowHashTest {

    @Test
    void decimalsCompareByValue() {
        assertThat(RowHash.of(new Object[] {"P1", new BigDecimal("3.50")}))
                .isEqualTo(RowHash.of(new Object[] {"P1", new BigDecimal("3.5")}))
                .hasSize(32);
        assertThat(RowHash.of(new Object[] {"P1", new BigDecimal("0.000")}))
                .isEqualTo(RowHash.of(new Object[] {"P1", BigDecimal.ZERO}));
    }

    @Test
    void anyChangedValueOrNullChangesTheHash() {
        Object[] row = {"P1", 7, new BigDecimal("1.25"), Instant.parse("2025-03-01T10:00:00Z"), true};
        String hash = RowHash.of(row);
        assertThat(RowHash.of(new Object[] {"P1", 8, new BigDecimal("1.25"), Instant.parse("2025-03-01T10:00:00Z"), true})).isNotEqualTo(hash);
        assertThat(RowHash.of(new Object[] {"P1", 7, new BigDecimal("1.25"), Instant.parse("2025-03-01T10:00:00.001Z"), true})).isNotEqualTo(hash);
        assertThat(RowHash.of(new Object[] {"P1", 7, null, Instant.parse("2025-03-01T10:00:00Z"), true})).isNotEqualTo(hash);
        // "null" the text and a null value differ
        assertThat(RowHash.of(new Object[] {"null"})).isNotEqualTo(RowHash.of(new Object[] {null}));
        // values do not bleed across column boundaries
        assertThat(RowHash.of(new Object[] {"ab", "c"})).isNotEqualTo(RowHash.of(new Object[] {"a", "bc"}));
    }

    @Test
    void diffKinds() {
        assertThat(DiffKind.of("a", null)).isEqualTo(DiffKind.MISSING);
        assertThat(DiffKind.of(null, "a")).isEqualTo(DiffKind.EXTRA);
        assertThat(DiffKind.of("a", "b")).isEqualTo(DiffKind.DIFFERENT);
        assertThat(DiffKind.of("a", "a")).isNull();
    }
}
