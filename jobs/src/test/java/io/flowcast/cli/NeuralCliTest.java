package io.flowcast.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train pretrain -> forecast/backtest with the mixer methods, and the fallback without a model. */
class NeuralCliTest {
    @TempDir Path dir;

    private Path seasonalCsv() throws IOException {
        StringBuilder csv = new StringBuilder("series_id,ts,y\n");
        for (int s = 0; s < 6; s++) {
            for (int t = 1; t <= 80; t++) {
                csv.append("s").append(s).append(',').append(t).append(',')
                        .append(100 + 10 * s + 20 * Math.sin(2 * Math.PI * t / 13.0 + s)).append('\n');
            }
        }
        csv.append("short,1,5\nshort,2,6\n");
        Path input = dir.resolve("train.csv");
        Files.writeString(input, csv);
        return input;
    }

    @Test
    void pretrainThenForecastAndBacktestWithMixerMethodsAndPlots() throws IOException {
        Path input = seasonalCsv();
        Path model = dir.resolve("models/tiny");
        assertThat(FlowcastCli.execute("train", "pretrain", "--data", input.toString(), "--out", model.toString(),
                "--steps", "6", "--batch", "16", "--synthetic-products", "1", "--synthetic-weeks", "60")).isZero();
        assertThat(model.resolve("manifest.json")).exists();
        assertThat(Files.readString(model.resolve("manifest.json"))).contains("paramsSha256", "train.csv", "generator");

        Path out = dir.resolve("out.csv");
        Path plots = dir.resolve("plots");
        assertThat(FlowcastCli.execute("forecast", "--input", input.toString(), "--horizon", "13", "--freq", "W",
                "--output", out.toString(), "--methods", "mixer-zs,mixer", "--model", model.toString(),
                "--fine-tune-steps", "3", "--threads", "1", "--plot", plots.toString(), "--plot-series", "2")).isZero();
        List<String> lines = Files.readAllLines(out);
        // 7 series x (auto, mixer-zs, mixer) x 13 steps
        assertThat(lines).hasSize(1 + 7 * 3 * 13);
        assertThat(lines).anyMatch(l -> l.startsWith("s0,mixer-zs,13,93,"));
        assertThat(plots.resolve("s0.png")).exists();
        assertThat(Files.size(plots.resolve("s1.png"))).isGreaterThan(1000);

        // Known-future covariates: a planned promotion for s0 changes its mixer forecast, not s1's.
        StringBuilder promo = new StringBuilder("series_id,ts,promo\n");
        for (int k = 1; k <= 13; k++) {
            promo.append("s0,").append(80 + k).append(',').append(k % 2).append('\n');
        }
        Path futureFile = dir.resolve("future.csv");
        Files.writeString(futureFile, promo);
        Path withPromo = dir.resolve("promo.csv");
        assertThat(FlowcastCli.execute("forecast", "--input", input.toString(), "--horizon", "13", "--freq", "W",
                "--output", withPromo.toString(), "--methods", "mixer-zs", "--model", model.toString(),
                "--future", futureFile.toString(), "--threads", "1")).isZero();
        List<String> promoLines = Files.readAllLines(withPromo);
        assertThat(promoLines.stream().filter(l -> l.startsWith("s0,mixer-zs,")).toList())
                .isNotEqualTo(lines.stream().filter(l -> l.startsWith("s0,mixer-zs,")).toList());
        assertThat(promoLines.stream().filter(l -> l.startsWith("s1,mixer-zs,")).toList())
                .isEqualTo(lines.stream().filter(l -> l.startsWith("s1,mixer-zs,")).toList());

        Path report = dir.resolve("report.csv");
        assertThat(FlowcastCli.execute("backtest", "--input", input.toString(), "--horizon", "13", "--freq", "W",
                "--origins", "1", "--methods", "mixer", "--model", model.toString(), "--fine-tune-steps", "2",
                "--output", report.toString())).isZero();
        assertThat(Files.readAllLines(report)).anyMatch(l -> l.startsWith("s3,mixer,1,mixer,"));
    }

    @Test
    void missingModelFallsBackWithTheFileNamedInTheReport() throws IOException {
        Path report = dir.resolve("report.csv");
        Path missing = dir.resolve("no-such-model");
        assertThat(FlowcastCli.execute("backtest", "--input", seasonalCsv().toString(), "--horizon", "13", "--freq", "W",
                "--origins", "1", "--methods", "mixer-zs", "--model", missing.toString(),
                "--output", report.toString())).isZero();
        assertThat(Files.readAllLines(report)).anyMatch(l -> l.startsWith("s2,mixer-zs,1,theta,")
                && l.contains(missing.resolve("manifest.json").toString()));
    }
}
