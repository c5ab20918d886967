package io.flowcast.records;

import java.math.BigDecimal;

/**
 * One closed week of one demand series (a row of {@code weekly_sales}).
 *
 * @param weekStartEpochDay the Monday (UTC) the ISO week starts on
 * @param correction true when a late line changed a week that had already closed
 */
public record WeeklyPoint(
        String productCode, String region, long weekStartEpochDay, BigDecimal units, BigDecimal revenue, boolean correction) implements SeriesKeyed {}
