package io.flowcast.operators;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowcast.aggregate.InventoryCacheOptions;
import io.flowcast.aggregate.RedisKeys;
import io.flowcast.aggregate.Totals;
import io.flowcast.records.Delta;
import io.flowcast.records.RedisWrite;
import io.flowcast.records.TransactionChange;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by product: keeps daily and monthly transaction totals and the latest transaction in
 * state, and emits their complete current values as Redis writes.
 *
 * <p>Seed 004 incremented Redis counters ({@code INCR}, {@code INCRBYFLOAT}); replaying a
 * checkpoint interval would then count twice. Here Flink state is the source of truth and Redis
 * gets absolute values, so a replay rewrites the same numbers.
 *
 * <p>Days and months are UTC calendar periods of the transaction's {@code data_movimentacao}.
 */
public final class InventoryAggregator extends KeyedProcessFunction<String, Delta<TransactionChange>, RedisWrite> {

    private static final long serialVersionUID = 1L;

    static final String DAILY = "daily-totals";
    static final String MONTHLY = "monthly-totals";
    static final String LATEST = "latest-transaction";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final InventoryCacheOptions options;

    private transient MapState<Long, Totals> daily;
    private transient MapState<Integer, Totals> monthly;
    private transient ValueState<TransactionChange> latest;

    public InventoryAggregator(InventoryCacheOptions options) {
        this.options = options;
    }

    @Override
    public void open(OpenContext openContext) {
        daily = getRuntimeContext().getMapState(withTtl(
                new MapStateDescriptor<>(DAILY, Types.LONG, Types.POJO(Totals.class)), options.dailyStateTtl()));
        monthly = getRuntimeContext().getMapState(withTtl(
                new MapStateDescriptor<>(MONTHLY, Types.INT, Types.POJO(Totals.class)), options.monthlyStateTtl()));
        ValueStateDescriptor<TransactionChange> latestDescriptor =
                new ValueStateDescriptor<>(LATEST, TransactionChange.class);
        latest = getRuntimeContext().getState(withTtl(latestDescriptor, options.transactionStateTtl()));
    }

    private static <D extends org.apache.flink.api.common.state.StateDescriptor<?, ?>> D withTtl(D descriptor, Duration ttl) {
        descriptor.enableTimeToLive(StateTtlConfig.newBuilder(ttl).build());
        return descriptor;
    }

    @Override
    public void processElement(Delta<TransactionChange> delta, Context ctx, Collector<RedisWrite> out) throws Exception {
        TransactionChange transaction = delta.version();
        String product = transaction.productCode();
        LocalDate day = LocalDate.ofInstant(Instant.ofEpochMilli(transaction.movedAtMillis()), ZoneOffset.UTC);
        YearMonth month = YearMonth.from(day);

        Totals dayTotals = apply(daily, day.toEpochDay(), delta);
        out.collect(totalsWrite(RedisKeys.daily(product, day), dayTotals, options.dailyTtl()));
        int monthKey = month.getYear() * 100 + month.getMonthValue();
        Totals monthTotals = apply(monthly, monthKey, delta);
        out.collect(totalsWrite(RedisKeys.monthly(product, month), monthTotals, options.monthlyTtl()));

        TransactionChange current = latest.value();
        if (delta.sign() > 0 && (current == null || isLater(transaction, current))) {
            latest.update(transaction);
            out.collect(RedisWrite.string(RedisKeys.realtime(product), snapshot(transaction), options.realtimeTtl().toSeconds()));
        } else if (delta.sign() < 0 && current != null && current.transactionId() == transaction.transactionId()) {
            // The latest transaction was withdrawn; the one before it is not kept, so the cache
            // says nothing rather than something stale until the next transaction arrives.
            latest.clear();
            out.collect(RedisWrite.delete(RedisKeys.realtime(product)));
        }
    }

    private static <K> Totals apply(MapState<K, Totals> state, K key, Delta<TransactionChange> delta) throws Exception {
        Totals before = state.get(key);
        Totals after = (before == null ? Totals.ZERO : before)
                .apply(delta.sign(), delta.version().quantity(), delta.version().valueTotal());
        if (after.isEmpty()) {
            state.remove(key);
        } else {
            state.put(key, after);
        }
        return after;
    }

    private static RedisWrite totalsWrite(String key, Totals totals, Duration ttl) {
        return totals.isEmpty() ? RedisWrite.delete(key) : RedisWrite.hash(key, ttl.toSeconds(), totals.toHashFields());
    }

    private static boolean isLater(TransactionChange a, TransactionChange b) {
        return a.movedAtMillis() != b.movedAtMillis()
                ? a.movedAtMillis() > b.movedAtMillis()
                : a.transactionId() > b.transactionId();
    }

    static String snapshot(TransactionChange t) throws JsonProcessingException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("product_code", t.productCode());
        json.put("transaction_id", t.transactionId());
        json.put("transaction_type", t.transactionType());
        json.put("warehouse", t.warehouse());
        json.put("quantity", t.quantity().toPlainString());
        json.put("unit_cost", t.unitCost().toPlainString());
        json.put("value_total", t.valueTotal().toPlainString());
        json.put("moved_at", Instant.ofEpochMilli(t.movedAtMillis()).toString());
        return JSON.writeValueAsString(json);
    }
}
