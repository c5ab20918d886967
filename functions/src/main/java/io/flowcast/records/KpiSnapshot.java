package io.flowcast.records;

import io.flowcast.features.InventoryKpis;

/** A series' week-close snapshot with the inventory KPIs of the same close. */
public record KpiSnapshot(SeriesSnapshot snapshot, InventoryKpis kpis) {}
