package io.flowcast.records;

import io.flowcast.cdc.MirrorChange;
import io.flowcast.cdc.MirrorChangeTypeInfoFactory;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowcast.aggregate.Totals;
import io.flowcast.cdc.MirrorTable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class SerializersTest {

    @Test
    void mirrorChangeRoundTripsEveryColumnTypeAndNulls() throws Exception {
        MirrorTable table = MirrorTable.PURCHASES;
        Object[] row = new Object[table.columns().size()];
        row[table.indexOfSource("numero_compra")] = "PC-7";
        row[table.indexOfSource("item")] = 3;
        row[table.indexOfSource("codigo_produto")] = "P9";
        row[table.indexOfSource("fornecedor")] = "F";
        row[table.indexOfSource("quantidade")] = new BigDecimal("-12345678901234567890.123");
        row[table.indexOfSource("custo_unitario")] = new BigDecimal("0.0001");
        row[table.indexOfSource("data_compra")] = Instant.parse("2025-01-02T03:04:05.123456789Z");
        row[table.indexOfSource("data_entrega_prevista")] = LocalDate.of(2025, 2, 1);
        MirrorChange change = new MirrorChange(table, 'u', row, 42L, table.topic(), 2, 99L, 43L, null);

        TypeInformation<MirrorChange> info = TypeInformation.of(MirrorChange.class);
        assertThat(info).isInstanceOf(MirrorChangeTypeInfoFactory.MirrorChangeTypeInfo.class);
        var serializer = info.createSerializer(new SerializerConfigImpl());
        DataOutputSerializer out = new DataOutputSerializer(128);
        serializer.serialize(change, out);
        MirrorChange back = serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));

        assertThat(back.table()).isEqualTo(table);
        assertThat(back.op()).isEqualTo('u');
        assertThat(back.row()).containsExactly(row);
        assertThat(back.lsn()).isNull();
        assertThat(back.offset()).isEqualTo(99L);
        assertThat(back.kafkaTsMillis()).isEqualTo(43L);
    }

    @Test
    void shuffledRecordsUseFlinksPojoSerializerNotKryo() {
        assertThat(TypeInformation.of(TransactionChange.class)).isInstanceOf(PojoTypeInfo.class);
        assertThat(TypeInformation.of(new org.apache.flink.api.common.typeinfo.TypeHint<Delta<TransactionChange>>() {}))
                .isInstanceOf(PojoTypeInfo.class);
        assertThat(TypeInformation.of(StockSignal.class)).isInstanceOf(PojoTypeInfo.class);
        assertThat(TypeInformation.of(Totals.class)).isInstanceOf(PojoTypeInfo.class);
        assertThat(TypeInformation.of(DeadLetter.class)).isInstanceOf(PojoTypeInfo.class);
    }
}
