package io.flowcast.generator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws products and their weekly demand per region from the seed. All demand is fixed before
 * the simulation runs, so the realised order stream only adds order splitting and timing on top.
 */
public final class DemandModel {
    private static final int WEEKS_PER_YEAR = 52;
    /** Weights of SMOOTH, SEASONAL, TRENDING, INTERMITTENT, LUMPY: a typical spare-parts-heavy mix. */
    private static final double[] PATTERN_WEIGHTS = {0.30, 0.20, 0.15, 0.20, 0.15};
    /** Chance that a series departs from its product's pattern (regional specifics). */
    private static final double REGIONAL_PATTERN_SWITCH = 0.1;
    private static final double PROMOTION_WEEK_PROBABILITY = 0.04;
    private static final int SUPPLIERS = 25;
    /** Relative size of the regional markets; EX (export) is the smallest channel. */
    private static final String[] REGION_ORDER = {"SP", "GO", "MG", "EX", "RS", "PR"};
    private static final double[] REGION_SCALE = {1.5, 0.8, 0.9, 0.4, 1.0, 1.2};

    private record Category(String code, String label, String unit, double minPrice, double maxPrice) {}

    private static final Category[] CATEGORIES = {
        new Category("RACAO", "Ração", "SC", 80, 250),
        new Category("SEMENTE", "Semente", "SC", 150, 900),
        new Category("FERTILIZANTE", "Fertilizante", "KG", 3, 12),
        new Category("DEFENSIVO", "Defensivo", "L", 50, 600),
        new Category("LATICINIO", "Laticínio", "UN", 5, 40),
        new Category("PECAS", "Peça de reposição", "UN", 20, 1500),
        new Category("VETERINARIO", "Produto veterinário", "UN", 15, 300),
    };
    private static final String[] VARIANTS = {
        "Premium", "Standard", "Econômico", "Safra", "Plus", "Max", "Orgânico", "Nutri", "Campo", "Forte"
    };

    private final List<ProductProfile> products;
    private final List<SeriesProfile> series;

    private DemandModel(List<ProductProfile> products, List<SeriesProfile> series) {
        this.products = products;
        this.series = series;
    }

    /** Draws the model for a config; the same config always yields the same model. */
    public static DemandModel create(GeneratorConfig config, SplittableRandom random) {
        List<ProductProfile> products = new ArrayList<>(config.products());
        List<SeriesProfile> series = new ArrayList<>(config.products() * config.regions().size());
        for (int p = 0; p < config.products(); p++) {
            ProductProfile product = drawProduct(p, config, random);
            products.add(product);
            DemandPattern productPattern = drawPattern(random);
            boolean[] promotions = new boolean[config.weeks()];
            for (int w = 0; w < config.weeks(); w++) {
                promotions[w] = random.nextDouble() < PROMOTION_WEEK_PROBABILITY;
            }
            double productLevel = Math.exp(Math.log(25) + 0.8 * random.nextGaussian());
            for (String region : config.regions()) {
                DemandPattern pattern =
                        random.nextDouble() < REGIONAL_PATTERN_SWITCH ? drawPattern(random) : productPattern;
                double level = productLevel * regionScale(region) * (0.8 + 0.4 * random.nextDouble());
                boolean promotes = pattern == DemandPattern.SMOOTH
                        || pattern == DemandPattern.SEASONAL
                        || pattern == DemandPattern.TRENDING;
                boolean[] seriesPromotions = promotes ? promotions : new boolean[config.weeks()];
                int[] demand = drawDemand(pattern, level, seriesPromotions, config.weeks(), random);
                series.add(new SeriesProfile(product.code(), region, pattern, demand, seriesPromotions));
            }
        }
        return new DemandModel(List.copyOf(products), List.copyOf(series));
    }

    List<ProductProfile> products() {
        return products;
    }

    /** Series in product-major, region-minor order. */
    public List<SeriesProfile> series() {
        return series;
    }

    private static double regionScale(String region) {
        for (int i = 0; i < REGION_ORDER.length; i++) {
            if (REGION_ORDER[i].equals(region)) {
                return REGION_SCALE[i];
            }
        }
        return 1.0;
    }

    private static DemandPattern drawPattern(SplittableRandom random) {
        double u = random.nextDouble();
        DemandPattern[] patterns = DemandPattern.values();
        for (int i = 0; i < patterns.length; i++) {
            u -= PATTERN_WEIGHTS[i];
            if (u < 0) {
                return patterns[i];
            }
        }
        return DemandPattern.SMOOTH;
    }

    private static ProductProfile drawProduct(int index, GeneratorConfig config, SplittableRandom random) {
        Category category = CATEGORIES[random.nextInt(CATEGORIES.length)];
        String code = GeneratorConfig.productCode(index);
        String description = category.label() + " " + VARIANTS[random.nextInt(VARIANTS.length)] + " " + code;
        double price = category.minPrice() + (category.maxPrice() - category.minPrice()) * random.nextDouble();
        BigDecimal listPrice = BigDecimal.valueOf(price).setScale(2, RoundingMode.HALF_UP);
        BigDecimal standardCost = listPrice
                .multiply(BigDecimal.valueOf(0.55 + 0.25 * random.nextDouble()))
                .setScale(4, RoundingMode.HALF_UP);
        int leadTimeDays = 3 + random.nextInt(19);
        boolean critical = random.nextDouble() < config.criticalShare();
        String supplier = String.format("F%03d", 1 + random.nextInt(SUPPLIERS));
        return new ProductProfile(index, code, description, category.code(), category.unit(), listPrice,
                standardCost, leadTimeDays, critical, supplier);
    }

    private static int[] drawDemand(
            DemandPattern pattern, double level, boolean[] promotions, int weeks, SplittableRandom random) {
        int[] demand = new int[weeks];
        switch (pattern) {
            case SMOOTH -> {
                // A floor keeps smooth series away from zero weeks, which would make them intermittent.
                double mean = Math.max(level, 10);
                for (int w = 0; w < weeks; w++) {
                    demand[w] = noisy(mean, 0.2, random);
                }
            }
            case SEASONAL -> {
                double mean = Math.max(level, 10);
                double amplitude = 0.3 + 0.4 * random.nextDouble();
                double phase = random.nextDouble() * WEEKS_PER_YEAR;
                for (int w = 0; w < weeks; w++) {
                    double season = 1 + amplitude * Math.sin(2 * Math.PI * (w + phase) / WEEKS_PER_YEAR);
                    demand[w] = noisy(mean * season, 0.15, random);
                }
            }
            case TRENDING -> {
                double mean = Math.max(level, 10);
                double growthPerYear = random.nextDouble() < 0.7
                        ? 0.2 + 0.6 * random.nextDouble()
                        : -(0.15 + 0.2 * random.nextDouble());
                for (int w = 0; w < weeks; w++) {
                    double trend = Math.max(0.2, 1 + growthPerYear * w / WEEKS_PER_YEAR);
                    demand[w] = noisy(mean * trend, 0.15, random);
                }
            }
            case INTERMITTENT -> {
                double occurrence = 0.15 + 0.3 * random.nextDouble();
                double sizeMean = 1 + 5 * random.nextDouble();
                for (int w = 0; w < weeks; w++) {
                    // 1 + Poisson keeps CV2 of the non-zero sizes below 0.25: intermittent, not lumpy.
                    demand[w] = random.nextDouble() < occurrence ? 1 + poisson(sizeMean, random) : 0;
                }
            }
            case LUMPY -> {
                double occurrence = 0.1 + 0.25 * random.nextDouble();
                double median = 5 + 35 * random.nextDouble();
                for (int w = 0; w < weeks; w++) {
                    // Log-normal sizes with sigma 1 have CV2 = e - 1 ~ 1.7: lumpy.
                    demand[w] = random.nextDouble() < occurrence
                            ? Math.max(1, (int) Math.round(median * Math.exp(random.nextGaussian())))
                            : 0;
                }
            }
            default -> throw new IllegalStateException("pattern " + pattern);
        }
        for (int w = 0; w < weeks; w++) {
            if (promotions[w]) {
                demand[w] = (int) Math.round(demand[w] * (1.4 + 0.8 * random.nextDouble()));
            }
        }
        return demand;
    }

    private static int noisy(double mean, double cv, SplittableRandom random) {
        return Math.max(0, (int) Math.round(mean * (1 + cv * random.nextGaussian())));
    }

    private static int poisson(double mean, SplittableRandom random) {
        // Knuth's method: fine for the small means used here.
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }
}
