package io.flowcast.records;

/**
 * A model the stream refused or switched to (model_alerts).
 *
 * @param kind {@code rejected} (artifact corrupt or unreadable; the previous version stays) or
 *     {@code activated}
 */
public record ModelAlert(String modelName, int version, String kind, String detail, long epochMillis) {}
