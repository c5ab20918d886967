package io.flowcast.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForecastCliTest {
    @TempDir Path dir;

    private Path tinyCsv() throws IOException {
        StringBuilder csv = new StringBuilder("series_id,ts,y,promo\n");
        for (int t = 0; t < 30; t++) {
            csv.append("up,").append(java.time.LocalDate.of(2024, 1, 1).plusWeeks(t)).append(',').append(10 + t).append(",0\n");
        }
        csv.append("short,1,5,0\n");
        for (int t = 1; t <= 20; t++) {
            csv.append("zero,").append(t).append(",0,0\n");
        }
        for (int t = 1; t <= 20; t++) {
            csv.append("gappy,").append(t).append(',').append(t % 4 == 0 ? "" : Integer.toString(t)).append(",1\n");
        }
        Path input = dir.resolve("train.csv");
        Files.writeString(input, csv);
        return input;
    }

    @Test
    void forecastWritesTheContractForEverySeriesAndMethod() throws IOException {
        Path out = dir.resolve("out.csv");
        int code = FlowcastCli.execute("forecast", "--input", tinyCsv().toString(), "--horizon", "3", "--freq", "W",
                "--output", out.toString(), "--methods", "naive,theta", "--threads", "1");
        assertThat(code).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).isEqualTo("series_id,method,step,ts,yhat,lo80,hi80");
        // 4 series x 3 methods (auto, naive, theta) x 3 steps
        assertThat(lines).hasSize(1 + 4 * 3 * 3);
        assertThat(lines).contains("up,naive,1,2024-07-29,39.0,"
                + lines.stream().filter(l -> l.startsWith("up,naive,1,")).findFirst().orElseThrow().split(",")[5]
                + "," + lines.stream().filter(l -> l.startsWith("up,naive,1,")).findFirst().orElseThrow().split(",")[6]);
        assertThat(lines).anyMatch(l -> l.startsWith("short,auto,2,3,5.0,"));
        assertThat(lines).anyMatch(l -> l.startsWith("zero,auto,1,21,0.0,0.0,0.0"));
        assertThat(lines.stream().filter(l -> l.startsWith("gappy,")).count()).isEqualTo(9);
    }

    @Test
    void backtestWritesPerSeriesScores() throws IOException {
        Path report = dir.resolve("report.csv");
        int code = FlowcastCli.execute("backtest", "--input", tinyCsv().toString(), "--horizon", "2", "--freq", "W",
                "--origins", "2", "--methods", "naive", "--output", report.toString());
        assertThat(code).isZero();
        List<String> lines = Files.readAllLines(report);
        assertThat(lines.get(0)).isEqualTo(BacktestCommand.REPORT_HEADER);
        // up: 2 origins x (naive2, auto, naive); zero: same; gappy: same; short: no origin possible.
        assertThat(lines).hasSize(1 + 3 * 2 * 3);
        assertThat(lines).anyMatch(l -> l.startsWith("up,naive,1,naive,"));
    }

    @Test
    void unknownMethodIsAUsageError() throws IOException {
        int code = FlowcastCli.execute("forecast", "--input", tinyCsv().toString(), "--horizon", "3", "--freq", "W",
                "--output", dir.resolve("x.csv").toString(), "--methods", "nope");
        assertThat(code).isNotZero();
    }

    @Test
    void nonPositiveHorizonIsAUsageError() throws IOException {
        int code = FlowcastCli.execute("forecast", "--input", tinyCsv().toString(), "--horizon", "0", "--freq", "W",
                "--output", dir.resolve("x.csv").toString());
        assertThat(code).isEqualTo(2);
    }

    @Test
    void benchForecastPrintsSeriesPerSecondForEachMethod() throws IOException {
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        java.io.PrintStream original = System.out;
        System.setOut(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            assertThat(FlowcastCli.execute("bench", "forecast", "--input", tinyCsv().toString(), "--horizon", "2",
                    "--freq", "W", "--methods", "naive", "--warmup", "1", "--threads", "1")).isZero();
        } finally {
            System.setOut(original);
        }
        String out = captured.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(out).contains("1 thread s/s").containsPattern("(?m)^auto\\s+[0-9.]+\\s+[0-9.]+$")
                .containsPattern("(?m)^naive\\s+[0-9.]+\\s+[0-9.]+$");
    }

    @Test
    void benchIsAParentCommandWithForecast() {
        assertThat(FlowcastCli.execute("bench", "--help")).isZero();
        assertThat(FlowcastCli.execute("bench", "forecast", "--help")).isZero();
    }
}
