package io.flowcast.classify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ABC classes by revenue share (Pareto analysis): products sorted by revenue, A while the
 * cumulative share is within {@code aShare} (80%), B within {@code bShare} (95%), C for the rest.
 * The product that crosses a limit belongs to the class it crosses into, so A is never empty
 * when there is revenue. Ties are broken by product code, for a deterministic ranking.
 */
public final class AbcRanking implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private final double aShare;
    private final double bShare;

    public AbcRanking(double aShare, double bShare) {
        if (!(0 < aShare && aShare < bShare && bShare <= 1)) {
            throw new IllegalArgumentException("need 0 < aShare < bShare <= 1");
        }
        this.aShare = aShare;
        this.bShare = bShare;
    }

    /** One product's class and its share of total revenue. */
    public record Ranked(String productCode, char abc, double revenueShare) {}

    public List<Ranked> rank(Map<String, Double> revenueByProduct) {
        List<Map.Entry<String, Double>> products = new ArrayList<>(revenueByProduct.entrySet());
        products.sort(Comparator.<Map.Entry<String, Double>>comparingDouble(Map.Entry::getValue).reversed()
                .thenComparing(Map.Entry::getKey));
        double total = products.stream().mapToDouble(e -> Math.max(0, e.getValue())).sum();
        List<Ranked> ranked = new ArrayList<>(products.size());
        double before = 0;
        for (Map.Entry<String, Double> product : products) {
            double share = total == 0 ? 0 : Math.max(0, product.getValue()) / total;
            char abc = total == 0 ? 'C' : before < aShare ? 'A' : before < bShare ? 'B' : 'C';
            ranked.add(new Ranked(product.getKey(), abc, share));
            before += share;
        }
        return ranked;
    }

    /** Convenience for tests and the CLI: classes by product. */
    public Map<String, Character> classes(Map<String, Double> revenueByProduct) {
        Map<String, Character> out = new LinkedHashMap<>();
        rank(revenueByProduct).forEach(r -> out.put(r.productCode(), r.abc()));
        return out;
    }
}
