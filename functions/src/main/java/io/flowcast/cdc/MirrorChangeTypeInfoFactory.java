package io.flowcast.cdc;

import java.lang.reflect.Type;
import java.util.Map;
import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/** Makes Flink use {@link MirrorChangeSerializer} wherever a {@link MirrorChange} travels. */
public final class MirrorChangeTypeInfoFactory extends TypeInfoFactory<MirrorChange> {

    @Override
    public TypeInformation<MirrorChange> createTypeInfo(Type t, Map<String, TypeInformation<?>> genericParameters) {
        return new MirrorChangeTypeInfo();
    }

    /** Type information for {@link MirrorChange}: an atomic type with a custom serializer. */
    public static final class MirrorChangeTypeInfo extends TypeInformation<MirrorChange> {
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
        public Class<MirrorChange> getTypeClass() {
            return MirrorChange.class;
        }

        @Override
        public boolean isKeyType() {
            return false;
        }

        @Override
        public TypeSerializer<MirrorChange> createSerializer(SerializerConfig config) {
            return MirrorChangeSerializer.INSTANCE;
        }

        @Override
        @Deprecated
        public TypeSerializer<MirrorChange> createSerializer(ExecutionConfig config) {
            return MirrorChangeSerializer.INSTANCE;
        }

        @Override
        public String toString() {
            return "MirrorChange";
        }

        @Override
        public boolean equals(Object obj) {
            return obj instanceof MirrorChangeTypeInfo;
        }

        @Override
        public int hashCode() {
            return MirrorChangeTypeInfo.class.hashCode();
        }

        @Override
        public boolean canEqual(Object obj) {
            return obj instanceof MirrorChangeTypeInfo;
        }
    }
}
