package io.flowcast.jobs;

import io.debezium.data.Envelope;
import io.flowcast.records.ModelChange;
import java.nio.ByteBuffer;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.cdc.debezium.DebeziumDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Change events of {@code model_registry} to {@link ModelChange}s: snapshot reads, inserts and
 * updates carry the row after the change; deletes are skipped (a deleted version is no longer
 * promoted, and the active one is only replaced by a promotion). Nothing is rejected here: a
 * row without its artifact is rejected by the assigner with a dead letter.
 */
public final class ModelChangeDeserializer implements DebeziumDeserializationSchema<ModelChange> {

    private static final long serialVersionUID = 1L;

    @Override
    public void deserialize(SourceRecord record, Collector<ModelChange> out) {
        if (!(record.value() instanceof Struct value) || value.schema().field(Envelope.FieldName.OPERATION) == null) {
            return;
        }
        Envelope.Operation op = Envelope.operationFor(record);
        if (op == Envelope.Operation.DELETE || op == Envelope.Operation.TRUNCATE) {
            return;
        }
        Struct row = value.getStruct(Envelope.FieldName.AFTER);
        if (row == null) {
            return;
        }
        Object version = field(row, "version");
        out.collect(new ModelChange(
                (String) field(row, "name"),
                version instanceof Number n ? n.intValue() : -1,
                (String) field(row, "stage"),
                bytes(field(row, "artifact")),
                (String) field(row, "artifact_sha256"),
                "name=" + field(row, "name") + ", version=" + version + ", stage=" + field(row, "stage")
                        + ", artifact_sha256=" + field(row, "artifact_sha256")));
    }

    private static byte[] bytes(Object value) {
        if (value instanceof byte[] b) {
            return b;
        }
        if (value instanceof ByteBuffer buffer) {
            byte[] b = new byte[buffer.remaining()];
            buffer.duplicate().get(b);
            return b;
        }
        return null;
    }

    private static Object field(Struct row, String name) {
        Field field = row.schema().field(name);
        return field == null ? null : row.get(field);
    }

    @Override
    public TypeInformation<ModelChange> getProducedType() {
        return TypeInformation.of(ModelChange.class);
    }
}
