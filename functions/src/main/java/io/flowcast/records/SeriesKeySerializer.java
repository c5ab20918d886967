package io.flowcast.records;

import java.io.IOException;
import java.lang.reflect.Type;
import java.util.Map;
import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * {@link SeriesKey} as two UTF strings. As a key it is written for every RocksDB access, so it
 * stays two fields long: no POJO field names, no Kryo.
 */
public final class SeriesKeySerializer extends TypeSerializerSingleton<SeriesKey> {

    private static final long serialVersionUID = 1L;

    public static final SeriesKeySerializer INSTANCE = new SeriesKeySerializer();

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public SeriesKey createInstance() {
        return null;
    }

    @Override
    public SeriesKey copy(SeriesKey from) {
        return from;
    }

    @Override
    public SeriesKey copy(SeriesKey from, SeriesKey reuse) {
        return from;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(SeriesKey key, DataOutputView out) throws IOException {
        out.writeUTF(key.productCode());
        out.writeUTF(key.region());
    }

    @Override
    public SeriesKey deserialize(DataInputView in) throws IOException {
        return new SeriesKey(in.readUTF(), in.readUTF());
    }

    @Override
    public SeriesKey deserialize(SeriesKey reuse, DataInputView in) throws IOException {
        return deserialize(in);
    }

    @Override
    public void copy(DataInputView in, DataOutputView out) throws IOException {
        out.writeUTF(in.readUTF());
        out.writeUTF(in.readUTF());
    }

    @Override
    public TypeSerializerSnapshot<SeriesKey> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Serializer snapshot; the format has no parameters. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<SeriesKey> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }

    /** Makes Flink use this serializer wherever a {@link SeriesKey} travels or keys state. */
    public static final class TypeInfoFactory extends org.apache.flink.api.common.typeinfo.TypeInfoFactory<SeriesKey> {
        @Override
        public TypeInformation<SeriesKey> createTypeInfo(Type t, Map<String, TypeInformation<?>> genericParameters) {
            return new Info();
        }
    }

    /** Type information of {@link SeriesKey}: an atomic key type with this serializer. */
    public static final class Info extends TypeInformation<SeriesKey> {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean isBasicType() {
            return false;
        }

        @Override
        public boolean isTupleType() {
            return false;
        }

        @Override
        public int getArity() {
            return 1;
        }

        @Override
        public int getTotalFields() {
            return 1;
        }

        @Override
        public Class<SeriesKey> getTypeClass() {
            return SeriesKey.class;
        }

        @Override
        public boolean isKeyType() {
            return true;
        }

        @Override
        public TypeSerializer<SeriesKey> createSerializer(SerializerConfig config) {
            return INSTANCE;
        }

        @Override
        @Deprecated
        public TypeSerializer<SeriesKey> createSerializer(ExecutionConfig config) {
            return INSTANCE;
        }

        @Override
        public String toString() {
            return "SeriesKey";
        }

        @Override
        public boolean equals(Object obj) {
            return obj instanceof Info;
        }

        @Override
        public int hashCode() {
            return Info.class.hashCode();
        }

        @Override
        public boolean canEqual(Object obj) {
            return obj instanceof Info;
        }
    }
}
