package io.flowcast.jobs;

import io.flowcast.records.ForecastRequest;
import io.debezium.data.Envelope;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.cdc.debezium.DebeziumDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Change events of {@code forecast_requests} to {@link ForecastRequest}s: inserts (and snapshot
 * reads) are requests; updates and deletes of a request ask for nothing new and are skipped.
 * Nothing is rejected here: missing columns become nulls that validation sends to dead letters.
 */
public final class ForecastRequestDeserializer implements DebeziumDeserializationSchema<ForecastRequest> {

    private static final long serialVersionUID = 1L;

    @Override
    public void deserialize(SourceRecord record, Collector<ForecastRequest> out) {
        if (!(record.value() instanceof Struct value) || value.schema().field(Envelope.FieldName.OPERATION) == null) {
            return;
        }
        Envelope.Operation op = Envelope.operationFor(record);
        if (op != Envelope.Operation.CREATE && op != Envelope.Operation.READ) {
            return;
        }
        Struct row = value.getStruct(Envelope.FieldName.AFTER);
        if (row == null) {
            return;
        }
        Object id = field(row, "request_id");
        Object horizon = field(row, "horizon");
        out.collect(new ForecastRequest(
                id instanceof Number n ? n.longValue() : -1,
                (String) field(row, "product_code"),
                (String) field(row, "region"),
                horizon instanceof Number n ? n.intValue() : 0,
                millis(field(row, "requested_at")),
                row.toString()));
    }

    private static Object field(Struct row, String name) {
        Field field = row.schema().field(name);
        return field == null ? null : row.get(field);
    }

    /** {@code timestamptz} arrives as ISO-8601 text (Debezium's ZonedTimestamp). */
    private static long millis(Object value) {
        if (value instanceof String text) {
            try {
                return OffsetDateTime.parse(text).toInstant().toEpochMilli();
            } catch (DateTimeParseException e) {
                return -1;
            }
        }
        return -1;
    }

    @Override
    public TypeInformation<ForecastRequest> getProducedType() {
        return TypeInformation.of(ForecastRequest.class);
    }
}
