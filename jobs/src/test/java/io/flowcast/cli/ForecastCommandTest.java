package io.flowcast.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForecastCommandTest {

    @Test
    void writesTheContractFormatForEverySeriesIncludingAwkwardOnes(@TempDir Path dir) throws Exception {
        Path input = dir.resolve("train.csv");
        StringBuilder csv = new StringBuilder("series_id,ts,y,promo\n");
        for (int t = 0; t < 30; t++) {
            csv.append("A,").append(java.time.LocalDate.of(2024, 1, 1).plusWeeks(t)).append(',').append(10 + t).append(",0\n");
        }
        csv.append("Z,1,0,0\nZ,2,0,0\nZ,3,0,0\n");
        csv.append("G,1,5,0\nG,2,,0\nG,3,7,0\n");
        csv.append("S,1,4,0\n");
        Files.writeString(input, csv.toString());
        Path output = dir.resolve("out.csv");

        int exit = FlowcastCli.execute("forecast", "--input", input.toString(), "--horizon", "3", "--freq", "W",
                "--output", output.toString(), "--methods", "naive,theta");

        assertThat(exit).isZero();
        List<String> lines = Files.readAllLines(output);
        assertThat(lines.get(0)).isEqualTo("series_id,method,step,ts,yhat,lo80,hi80");
        assertThat(lines).hasSize(1 + 4 * 3 * 3);
        assertThat(lines).contains("Z,auto,1,4,0.00000,0.00000,0.00000");
        assertThat(lines.stream().filter(l -> l.startsWith("A,naive,1,")).findFirst().orElseThrow())
                .startsWith("A,naive,1,2024-07-29,39.0000");
        assertThat(lines.stream().filter(l -> l.startsWith("S,theta,")).count()).as("fallback, not failure").isEqualTo(3);
    }

    @Test
    void backtestScoresAgainstAHoldOutFile(@TempDir Path dir) throws Exception {
        StringBuilder train = new StringBuilder("series_id,ts,y\n");
        StringBuilder test = new StringBuilder("series_id,ts,y\n");
        for (int t = 1; t <= 40; t++) {
            train.append("A,").append(t).append(',').append(100 + 2 * t).append('\n');
        }
        for (int t = 41; t <= 44; t++) {
            test.append("A,").append(t).append(',').append(100 + 2 * t).append('\n');
        }
        Files.writeString(dir.resolve("train.csv"), train.toString());
        Files.writeString(dir.resolve("test.csv"), test.toString());
        Path report = dir.resolve("report.csv");

        int exit = FlowcastCli.execute("backtest", "--input", dir.resolve("train.csv").toString(), "--test",
                dir.resolve("test.csv").toString(), "--horizon", "4", "--freq", "W", "--methods", "naive,holt", "--output", report.toString());

        assertThat(exit).isZero();
        List<String> rows = Files.readAllLines(report);
        assertThat(rows.get(0)).isEqualTo("series_id,origin,method,mase,smape,rmsse,coverage,micros");
        // The naive forecast of a line with slope 2 misses by 2, 4, 6, 8: MASE = 5 / 2.
        assertThat(rows.stream().filter(r -> r.startsWith("A,0,naive,")).findFirst().orElseThrow()).startsWith("A,0,naive,2.50000,");
        assertThat(rows).anyMatch(r -> r.startsWith("A,0,holt,0.0"));
    }
}
