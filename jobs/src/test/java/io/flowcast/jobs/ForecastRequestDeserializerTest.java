package io.flowcast.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.debezium.data.Envelope;
import io.flowcast.records.ForecastRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.util.Collector;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

/** Change events of forecast_requests, shaped as Debezium's Postgres connector emits them. */
class ForecastRequestDeserializerTest {

    private static final Schema ROW = SchemaBuilder.struct().name("flowcast.flowcast.forecast_requests.Value")
            .field("request_id", Schema.INT64_SCHEMA)
            .field("product_code", Schema.OPTIONAL_STRING_SCHEMA)
            .field("region", Schema.OPTIONAL_STRING_SCHEMA)
            .field("horizon", Schema.OPTIONAL_INT32_SCHEMA)
            .field("requested_at", Schema.OPTIONAL_STRING_SCHEMA)
            .build();
    private static final Schema SOURCE = SchemaBuilder.struct().name("source").field("lsn", Schema.OPTIONAL_INT64_SCHEMA).build();
    private static final Envelope ENVELOPE = Envelope.defineSchema()
            .withName("flowcast.flowcast.forecast_requests.Envelope").withRecord(ROW).withSource(SOURCE).build();

    private static Struct row(long id, String product, String region, Integer horizon) {
        return new Struct(ROW).put("request_id", id).put("product_code", product).put("region", region)
                .put("horizon", horizon).put("requested_at", "2026-11-30T12:00:00.250000Z");
    }

    private static List<ForecastRequest> decode(Struct value) throws Exception {
        List<ForecastRequest> out = new ArrayList<>();
        new ForecastRequestDeserializer().deserialize(new SourceRecord(Map.of(), Map.of(), "t", ENVELOPE.schema(), value),
                new Collector<>() {
                    @Override
                    public void collect(ForecastRequest request) {
                        out.add(request);
                    }

                    @Override
                    public void close() {}
                });
        return out;
    }

    @Test
    void insertsAndSnapshotReadsAreRequests() throws Exception {
        Struct source = new Struct(SOURCE).put("lsn", 1L);
        assertThat(decode(ENVELOPE.create(row(7, "P1", "SP", 8), source, Instant.now()))).singleElement().satisfies(r -> {
            assertThat(r.requestId()).isEqualTo(7);
            assertThat(r.series()).isEqualTo(new io.flowcast.records.SeriesKey("P1", "SP"));
            assertThat(r.horizon()).isEqualTo(8);
            assertThat(r.requestedAtMillis()).isEqualTo(Instant.parse("2026-11-30T12:00:00.250Z").toEpochMilli());
            assertThat(r.row()).contains("request_id=7", "product_code=P1");
        });
        assertThat(decode(ENVELOPE.read(row(8, "P1", "SP", 8), source, Instant.now()))).extracting(ForecastRequest::requestId)
                .containsExactly(8L);
    }

    @Test
    void nullColumnsAreKeptForValidationAndUpdatesOrDeletesAskForNothing() throws Exception {
        Struct source = new Struct(SOURCE).put("lsn", 1L);
        assertThat(decode(ENVELOPE.create(row(9, null, "SP", null), source, Instant.now()))).singleElement().satisfies(r -> {
            assertThat(r.productCode()).isNull();
            assertThat(r.horizon()).isZero();
        });
        assertThat(decode(ENVELOPE.update(row(9, "P1", "SP", 8), row(9, "P1", "SP", 9), source, Instant.now()))).isEmpty();
        assertThat(decode(ENVELOPE.delete(row(9, "P1", "SP", 8), source, Instant.now()))).isEmpty();
    }
}
