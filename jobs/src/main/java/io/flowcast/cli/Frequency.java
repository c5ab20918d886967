package io.flowcast.cli;

/**
 * Data frequency of the CLI contract: W (weekly) or M (monthly). The seasonal period is what
 * seasonality tests and seasonal methods use; the MASE period follows the M4 competition, which
 * scaled weekly series by the lag-1 naive and monthly ones by the lag-12 seasonal naive.
 */
enum Frequency {
    W(52, 1),
    M(12, 12);

    final int seasonalPeriod;
    final int masePeriod;

    Frequency(int seasonalPeriod, int masePeriod) {
        this.seasonalPeriod = seasonalPeriod;
        this.masePeriod = masePeriod;
    }

    char code() {
        return name().charAt(0);
    }
}
