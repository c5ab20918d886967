package io.flowcast.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowcast.records.ModelChange;
import io.flowcast.records.ModelRef;
import io.flowcast.records.RoutedSnapshot;
import io.flowcast.records.SeriesSnapshot;
import io.flowcast.router.OriginSample;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/** The records that cross the network in TrainingJob and the hot-swap path are Flink POJOs, not Kryo. */
class TrainingSerializationTest {

    @Test
    void recordsRoundTripThroughFlinksOwnSerializers() throws Exception {
        OriginSample sample = new OriginSample("P1|SP", 2, new double[] {1, 2}, new double[][] {{1, 2}, {3, 4}},
                new double[] {1, 1}, new double[] {2, 2}, 0.5, 0.7);
        TrainingSeries series = new TrainingSeries("P1", "SP", new OriginSample[] {sample}, new double[] {3}, null,
                new double[] {1, 1});
        TrainingSeries back = roundTrip(TrainingSeries.class, series);
        assertThat(back.samples()[0].forecasts()[1]).containsExactly(3, 4);
        assertThat(back.samples()[0].squaredScale()).isEqualTo(0.7);
        assertThat(back.referenceShape()).isNull();

        RoutedSnapshot routed = new RoutedSnapshot(new SeriesSnapshot("P1", "SP", 1, new double[] {1}, new double[] {2}),
                new ModelRef("router", 3, "ab"), "challenger");
        assertThat(roundTrip(RoutedSnapshot.class, routed).model()).isEqualTo(routed.model());
        RoutedSnapshot rules = new RoutedSnapshot(routed.snapshot(), null, "");
        assertThat(roundTrip(RoutedSnapshot.class, rules).model()).isNull();
        ModelChange change = new ModelChange("router", 3, "production", new byte[] {1, 2, 3}, "ab", "row");
        assertThat(roundTrip(ModelChange.class, change).artifact()).containsExactly(1, 2, 3);
        assertThat(roundTrip(WeeklySalesReader.Key.class, new WeeklySalesReader.Key("P", "R")).region()).isEqualTo("R");
    }

    private static <T> T roundTrip(Class<T> type, T value) throws Exception {
        TypeInformation<T> info = TypeInformation.of(type);
        assertThat(info).as(type.getSimpleName()).isInstanceOf(PojoTypeInfo.class);
        TypeSerializer<T> serializer = info.createSerializer(new SerializerConfigImpl());
        DataOutputSerializer out = new DataOutputSerializer(256);
        serializer.serialize(value, out);
        return serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
    }
}
