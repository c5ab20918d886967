package io.flowcast.operators;

import io.flowcast.records.CdcMessage;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Keeps Kafka records as bytes plus position. Decoding happens in {@link CdcDecodeFunction}, where
 * a bad message becomes a dead letter instead of an exception in the source (which would fail
 * the job over and over on the same offset).
 */
public final class CdcMessageDeserializer implements KafkaRecordDeserializationSchema<CdcMessage> {

    private static final long serialVersionUID = 1L;

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<CdcMessage> out) {
        out.collect(
                new CdcMessage(
                        record.topic(), record.partition(), record.offset(), record.timestamp(), record.key(), record.value()));
    }

    @Override
    public TypeInformation<CdcMessage> getProducedType() {
        return TypeInformation.of(CdcMessage.class);
    }
}
