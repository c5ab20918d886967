package io.flowcast.generator;

/**
 * Weekly demand shapes the generator draws series from. The names follow the classification the
 * demand job reports (Syntetos-Boylan for the intermittent ones), so its output can be checked
 * against the pattern each series was generated with.
 */
public enum DemandPattern {
    /** Stable level, small noise, almost no zero weeks. */
    SMOOTH,
    /** Annual (52-week) sine around a level. */
    SEASONAL,
    /** Level growing or shrinking linearly over time. */
    TRENDING,
    /** Demand in few weeks (ADI well above 1.32), sizes of low variability (CV2 < 0.49). */
    INTERMITTENT,
    /** Demand in few weeks with highly variable sizes (ADI > 1.32, CV2 > 0.49). */
    LUMPY
}
