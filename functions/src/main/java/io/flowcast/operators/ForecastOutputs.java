package io.flowcast.operators;

import io.flowcast.aggregate.RedisKeys;
import io.flowcast.records.PredictionRow;
import io.flowcast.records.RedisWrite;
import io.flowcast.records.SeriesForecast;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.util.Collector;

/** What a forecast becomes in PostgreSQL (one row per step) and in Redis (one JSON per series and channel). */
public final class ForecastOutputs {

    private ForecastOutputs() {}

    /** One {@code prediction_results} row per step; target week = origin week + step weeks. */
    public static final class ToPredictionRows implements FlatMapFunction<SeriesForecast, PredictionRow> {
        private static final long serialVersionUID = 1L;

        @Override
        public void flatMap(SeriesForecast f, Collector<PredictionRow> out) {
            for (int step = 1; step <= f.yhat().length; step++) {
                out.collect(new PredictionRow(f.productCode(), f.region(), f.originWeekEpochDay(), f.channel(), step,
                        f.originWeekEpochDay() + 7L * step, f.method(), f.modelVersion(),
                        f.yhat()[step - 1], f.lo80()[step - 1], f.hi80()[step - 1], f.explanation(), f.requestId()));
            }
        }
    }

    /** {@code ml:forecast:{product}:{region}} (units) and {@code ...:revenue}, JSON, with a TTL. */
    public static final class ToCacheWrite implements MapFunction<SeriesForecast, RedisWrite> {
        private static final long serialVersionUID = 1L;
        private final Duration ttl;

        public ToCacheWrite(Duration ttl) {
            this.ttl = ttl;
        }

        @Override
        public RedisWrite map(SeriesForecast f) {
            String key = RedisKeys.forecast(f.productCode(), f.region()) + (f.channel().equals("units") ? "" : ":" + f.channel());
            StringBuilder json = new StringBuilder("{\"origin_week\":\"").append(LocalDate.ofEpochDay(f.originWeekEpochDay()))
                    .append("\",\"method\":\"").append(f.method()).append("\",\"model_version\":\"").append(f.modelVersion())
                    .append("\",\"yhat\":").append(array(f.yhat())).append(",\"lo80\":").append(array(f.lo80()))
                    .append(",\"hi80\":").append(array(f.hi80())).append('}');
            return RedisWrite.string(key, json.toString(), ttl.toSeconds());
        }

        private static String array(double[] values) {
            StringBuilder sb = new StringBuilder(16 * values.length + 2).append('[');
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    sb.append(',');
                }
                appendFixed4(sb, values[i]);
            }
            return sb.append(']').toString();
        }

        /**
         * {@code value} with 4 decimals, half away from zero (null if not finite). Plain arithmetic:
         * String.format builds locale symbols per call, and this runs for 104 numbers per week close.
         */
        static void appendFixed4(StringBuilder sb, double value) {
            if (!Double.isFinite(value) || Math.abs(value) >= 1e14) {
                sb.append(Double.isFinite(value) ? BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP).toPlainString() : "null");
                return;
            }
            long scaled = Math.round(Math.abs(value) * 10_000);
            if (value < 0 && scaled != 0) {
                sb.append('-');
            }
            sb.append(scaled / 10_000).append('.');
            long fraction = scaled % 10_000;
            for (long digit = 1_000; digit > fraction && digit > 1; digit /= 10) {
                sb.append('0');
            }
            sb.append(fraction);
        }
    }
}
