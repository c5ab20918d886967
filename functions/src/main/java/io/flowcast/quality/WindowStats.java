package io.flowcast.quality;

/**
 * What the monitor accumulates for one table and window.
 *
 * @param maxLagMillis largest Kafka-minus-source delay seen
 */
public record WindowStats(long changes, long rejects, long deletes, long maxLagMillis) {

    public static final WindowStats EMPTY = new WindowStats(0, 0, 0, 0);

    public long messages() {
        return changes + rejects;
    }

    public double rejectRate() {
        return messages() == 0 ? 0.0 : (double) rejects / messages();
    }
}
