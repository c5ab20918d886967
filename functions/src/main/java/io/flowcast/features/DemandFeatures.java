package io.flowcast.features;

/**
 * Shape of one weekly demand series, computed at each week close.
 *
 * @param weeks weeks of history used (up to 104)
 * @param mean mean weekly units
 * @param cv coefficient of variation of weekly units (std / mean; 0 when the mean is 0)
 * @param adi average inter-demand interval: weeks per week with demand (Syntetos & Boylan 2005)
 * @param cv2 squared coefficient of variation of the non-zero demand sizes, sample variance (Syntetos & Boylan 2005)
 * @param zeroShare share of weeks without demand
 * @param trendStrength share of variance explained by a linear trend (R^2), in [0, 1]
 * @param seasonalStrength 1 - Var(remainder) / Var(detrended), period 52, in [0, 1]; 0 below two years
 * @param velocity mean of the last 4 weeks over the mean of the whole history (1 = steady)
 * @param qualityScore completeness x (1 - outlier share), in [0, 1]; in the stored vector also x 0.5
 *     when the stock was unknown ({@link FeatureExtractor#withInventory})
 */
public record DemandFeatures(
        int weeks,
        double mean,
        double cv,
        double adi,
        double cv2,
        double zeroShare,
        double trendStrength,
        double seasonalStrength,
        double velocity,
        double qualityScore) {}
