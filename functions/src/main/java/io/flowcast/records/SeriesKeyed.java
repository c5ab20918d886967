package io.flowcast.records;

/** A record that belongs to one demand series. */
public interface SeriesKeyed {

    String productCode();

    String region();

    default SeriesKey series() {
        return new SeriesKey(productCode(), region());
    }
}
