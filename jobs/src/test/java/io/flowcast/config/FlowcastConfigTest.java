package io.flowcast.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowcast.jobs.MirrorJobOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlowcastConfigTest {

    @Test
    void bundledDefaultsMatchTheDesign() {
        FlowcastConfig config = FlowcastConfig.load(null, Map.of(), List.of());
        assertThat(config.postgres().url()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/flowcast");
        assertThat(config.postgres().password()).isNull();
        assertThat(config.redis().uri()).isEqualTo("redis://127.0.0.1:6379/0");
        MirrorJobOptions mirror = MirrorJobOptions.from(config);
        assertThat(mirror.kafka().bootstrap()).isEqualTo("127.0.0.1:9092");
        assertThat(mirror.cache().realtimeTtl()).isEqualTo(Duration.ofHours(1));
        assertThat(mirror.cache().dailyTtl()).isEqualTo(Duration.ofDays(7));
        assertThat(mirror.cache().monthlyTtl()).isEqualTo(Duration.ofDays(365));
        assertThat(mirror.criticalProducts()).isEmpty();
        assertThat(mirror.quality().maxDuplicateRate()).isZero();
        assertThat(mirror.quality().duplicateMemory()).isEqualTo(Duration.ofDays(1));
        assertThat(mirror.quality().maxNullRate("ml_sales_orders", "customer")).isEqualTo(1.0);
    }

    @Test
    void nullRateLimitsOverrideTheDefaultPerColumn() {
        FlowcastConfig config = FlowcastConfig.load(null, Map.of(), List.of(
                "inventory-mirror.quality.null-rate-limits=ml_sales_orders.customer=0.05, ml_purchases.warehouse=0.5",
                "inventory-mirror.quality.max-null-rate=0.9"));
        MirrorJobOptions mirror = MirrorJobOptions.from(config);
        assertThat(mirror.quality().maxNullRate("ml_sales_orders", "customer")).isEqualTo(0.05);
        assertThat(mirror.quality().maxNullRate("ml_purchases", "warehouse")).isEqualTo(0.5);
        assertThat(mirror.quality().maxNullRate("ml_purchases", "supplier")).isEqualTo(0.9);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MirrorJobOptions.from(FlowcastConfig.load(null, Map.of(),
                        List.of("inventory-mirror.quality.null-rate-limits=customer"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("null-rate-limits");
    }

    @Test
    void fileThenEnvironmentThenOverridesWin(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("site.yaml");
        Files.writeString(file, "postgres:\n  url: jdbc:postgresql://file/db\n  batch-size: 10\nkafka:\n  bootstrap: file:9092\n"
                + "inventory-mirror:\n  critical-products: [P1, P2]\n");
        FlowcastConfig config = FlowcastConfig.load(
                file,
                Map.of("FLOWCAST_PG_URL", "jdbc:postgresql://env/db", "FLOWCAST_PG_PASSWORD", "s3cret"),
                List.of("kafka.bootstrap=cli:9092", "inventory-mirror.critical-products=P7,P8"));

        assertThat(config.postgres().url()).isEqualTo("jdbc:postgresql://env/db");
        assertThat(config.postgres().batchSize()).isEqualTo(10);
        assertThat(config.postgres().password()).isEqualTo("s3cret");
        assertThat(config.postgres().toString()).doesNotContain("s3cret");
        assertThat(config.describe()).containsEntry("postgres.password", "******");
        assertThat(config.string("kafka.bootstrap")).isEqualTo("cli:9092");
        assertThat(config.list("inventory-mirror.critical-products")).containsExactly("P7", "P8");
        assertThat(config.string("redis.url")).as("untouched default").isEqualTo("redis://127.0.0.1:6379/0");
    }

    @Test
    void badOverridesAndMissingKeysFailLoudly() {
        assertThatThrownBy(() -> FlowcastConfig.load(null, Map.of(), List.of("novalue"))).hasMessageContaining("key=value");
        assertThatThrownBy(() -> FlowcastConfig.load(null, Map.of(), List.of()).string("no.such.key"))
                .hasMessageContaining("no.such.key");
    }
}
