package io.flowcast.registry;

/**
 * A/B assignment of a series: a stable hash of (product, region) mapped to [0, 1); the series
 * is in the challenger arm when that value is below the challenger's share. The same series
 * always lands in the same arm (its accuracy history stays comparable week after week), across
 * restarts and parallelism changes.
 */
public final class AbSplit {

    public static final String CHAMPION = "champion";
    public static final String CHALLENGER = "challenger";

    private AbSplit() {}

    /** Position of the series in [0, 1): FNV-1a over the UTF-16 units, then a 64-bit finaliser. */
    public static double position(String productCode, String region) {
        long h = 0xcbf29ce484222325L;
        String key = productCode + '\u0000' + region;
        for (int i = 0; i < key.length(); i++) {
            h ^= key.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return (h >>> 11) * 0x1.0p-53;
    }

    public static boolean inChallenger(String productCode, String region, double challengerShare) {
        return position(productCode, region) < challengerShare;
    }
}
