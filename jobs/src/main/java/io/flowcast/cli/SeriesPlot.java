package io.flowcast.cli;

import io.flowcast.forecast.Forecast;
import io.flowcast.forecast.PredictionInterval;
import io.flowcast.forecast.io.Series;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * PNG charts of forecasts (JFreeChart): the recent history, each method's forecast with its
 * interval band, and the actuals when known. x = steps, the last observation at 0.
 */
final class SeriesPlot {
    /** History shown before the origin: two seasons of weekly data. */
    static final int HISTORY = 104;
    private static final Color[] COLORS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
        new Color(0x9467bd), new Color(0xff7f0e)};

    private SeriesPlot() {}

    /** One PNG per series (at most {@code max}); returns how many were written. */
    static int writeAll(Path dir, List<Series> series, List<List<Forecast>> forecasts, double level, int max,
            Map<String, double[]> actuals) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Files.createDirectories(dir);
        int n = Math.min(max, series.size());
        for (int i = 0; i < n; i++) {
            Series s = series.get(i);
            JFreeChart chart = chart(s, forecasts.get(i), level, actuals == null ? null : actuals.get(s.id()));
            ChartUtils.saveChartAsPNG(dir.resolve(safe(s.id()) + ".png").toFile(), chart, 900, 450);
        }
        return n;
    }

    static JFreeChart chart(Series s, List<Forecast> forecasts, double level, double[] actual) {
        double[] y = s.values();
        int from = Math.max(0, y.length - HISTORY);
        XYSeriesCollection lines = new XYSeriesCollection();
        XYSeries history = new XYSeries("history");
        for (int t = from; t < y.length; t++) {
            history.add(t - y.length + 1, y[t]);
        }
        lines.addSeries(history);
        if (actual != null) {
            XYSeries act = new XYSeries("actual");
            for (int k = 0; k < actual.length; k++) {
                act.add(k + 1, actual[k]);
            }
            lines.addSeries(act);
        }
        YIntervalSeriesCollection bands = new YIntervalSeriesCollection();
        for (Forecast f : forecasts) {
            YIntervalSeries band = new YIntervalSeries(f.requestedMethod() + " (" + (int) level + "%)");
            PredictionInterval pi = f.interval(level).orElse(null);
            for (int k = 0; k < f.horizon(); k++) {
                double lo = pi == null ? f.meanAt(k) : pi.lowerAt(k);
                double hi = pi == null ? f.meanAt(k) : pi.upperAt(k);
                band.add(k + 1, f.meanAt(k), lo, hi);
            }
            bands.addSeries(band);
        }
        NumberAxis valueAxis = new NumberAxis(s.id());
        valueAxis.setAutoRangeIncludesZero(false); // the level of a series, not its distance from 0, is what one reads
        XYPlot plot = new XYPlot(lines, new NumberAxis("step (0 = last observation)"), valueAxis,
                new XYLineAndShapeRenderer(true, false));
        plot.getRenderer().setSeriesPaint(0, Color.DARK_GRAY);
        if (actual != null) {
            plot.getRenderer().setSeriesPaint(1, Color.BLACK);
            plot.getRenderer().setSeriesStroke(1, new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND,
                    1f, new float[] {4f, 4f}, 0f));
        }
        DeviationRenderer deviation = new DeviationRenderer(true, false);
        for (int i = 0; i < forecasts.size(); i++) {
            Color c = COLORS[i % COLORS.length];
            deviation.setSeriesPaint(i, c);
            deviation.setSeriesFillPaint(i, c);
        }
        deviation.setAlpha(0.2f);
        plot.setDataset(1, bands);
        plot.setRenderer(1, deviation);
        return new JFreeChart(s.id(), JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    }

    private static String safe(String id) {
        return id.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
