package io.flowcast.sinks;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * One column of a set-based upsert: its PostgreSQL name, the array type it travels as in
 * {@code unnest(?::type[])} and how a row yields its value. Dates travel as text (cast on the
 * server), doubles as float8 (their text form round-trips exactly), non-finite doubles as NULL.
 */
public record UnnestColumn<T>(String name, String arrayType, Value<T> value) implements Serializable {

    /** A serializable getter (the sink travels to the task managers). */
    @FunctionalInterface
    public interface Value<T> extends Function<T, Object>, Serializable {}

    @FunctionalInterface
    public interface EpochDay<T> extends ToLongFunction<T>, Serializable {}

    @FunctionalInterface
    public interface Measure<T> extends ToDoubleFunction<T>, Serializable {}

    /** The element type JDBC's {@code createArrayOf} takes for the column's array type. */
    public String elementType() {
        return switch (arrayType) {
            case "date", "jsonb" -> "text";
            default -> arrayType;
        };
    }

    public static <T> UnnestColumn<T> text(String name, Value<T> value) {
        return new UnnestColumn<>(name, "text", value);
    }

    public static <T> UnnestColumn<T> jsonb(String name, Value<T> value) {
        return new UnnestColumn<>(name, "jsonb", value);
    }

    public static <T> UnnestColumn<T> int4(String name, Value<T> value) {
        return new UnnestColumn<>(name, "int4", value);
    }

    public static <T> UnnestColumn<T> numeric(String name, Value<T> value) {
        return new UnnestColumn<>(name, "numeric", value);
    }

    /** An epoch-day column written as a {@code date}. */
    public static <T> UnnestColumn<T> date(String name, EpochDay<T> epochDay) {
        Value<T> v = row -> LocalDate.ofEpochDay(epochDay.applyAsLong(row)).toString();
        return new UnnestColumn<>(name, "date", v);
    }

    /** A double column; NaN and infinities (undefined measures) are written as NULL. */
    public static <T> UnnestColumn<T> float8(String name, Measure<T> value) {
        Value<T> v = row -> {
            double d = value.applyAsDouble(row);
            return Double.isFinite(d) ? d : null;
        };
        return new UnnestColumn<>(name, "float8", v);
    }
}
