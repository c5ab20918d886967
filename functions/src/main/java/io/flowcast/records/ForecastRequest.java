package io.flowcast.records;

/**
 * A user's request for a forecast now (a row inserted into {@code forecast_requests}), as
 * decoded from the table's change stream; fields the row lacked are {@code null} (text) or
 * {@code 0} (horizon), and validation decides.
 *
 * @param horizon weeks ahead, both channels
 * @param row the row as the change stream carried it, kept for the dead-letter table
 */
public record ForecastRequest(long requestId, String productCode, String region, int horizon, long requestedAtMillis, String row) implements SeriesKeyed {

    /** Where a request comes from, as dead letters name it ({@code source_topic}). */
    public static final String SOURCE = "flowcast.forecast_requests";
}
