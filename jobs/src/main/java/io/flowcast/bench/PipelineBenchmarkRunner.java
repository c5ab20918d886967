package io.flowcast.bench;

import io.flowcast.cli.BenchPipelineCommand;
import io.flowcast.config.FlowcastConfig;
import io.flowcast.generator.CdcGenerator;
import io.flowcast.generator.GeneratedMessage;
import io.flowcast.generator.GeneratorConfig;
import io.flowcast.kafka.KafkaLoad;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Builds {@link PipelineBenchmark.Settings} from the command line and runs the benchmark. */
public final class PipelineBenchmarkRunner {

    private PipelineBenchmarkRunner() {}

    public static void run(BenchPipelineCommand command) throws Exception {
        List<String> overrides = new ArrayList<>(command.scratch().overrides());
        if (command.jdbcUrl() != null) {
            overrides.add("postgres.url=" + command.jdbcUrl());
        }
        FlowcastConfig config = FlowcastConfig.load(command.scratch().config(), overrides);
        String configured = config.string("demand-forecast.forecast-method");
        List<String> liveMethods = command.methods() == null ? List.of(configured) : split(command.methods());
        List<String> throughputMethods = command.throughputMethods().isBlank() ? List.of() : split(command.throughputMethods());
        GeneratorConfig history = GeneratorConfig.builder()
                .seed(command.seed())
                .products(command.products())
                .weeks(command.weeks())
                .linesPerSeriesWeek(command.linesPerSeriesWeek())
                .badFraction(command.badFraction())
                .keepFinalRows(false)
                .build();
        GeneratorConfig liveHistory = history.toBuilder()
                .products(command.liveProducts())
                .linesPerSeriesWeek(GeneratorConfig.DEFAULT_LINES_PER_SERIES_WEEK)
                // A week more than is closed, plus the warm-up: the stream ends after the last close.
                .weeks(command.historyWeeks() + command.warmUpCloses() + command.weekCloses() + 2)
                .build();
        PipelineBenchmark.Settings settings = new PipelineBenchmark.Settings(
                config,
                () -> salesOrders(new CdcGenerator(history).stream()),
                () -> salesOrders(new CdcGenerator(liveHistory).stream()),
                command.parallelism(),
                command.partitions(),
                command.skipThroughput() ? List.of() : throughputMethods,
                command.skipLatency() ? List.of() : liveMethods,
                new WeekCloseLatencyProbe.Pacing(command.liveRate(), command.historyWeeks(), command.weekCloses(), command.warmUpCloses(),
                        Duration.ofMillis(command.quietMillis()), Duration.ofSeconds(command.maxWaitSeconds())),
                new RequestLatencyProbe.Load(command.requests(), command.requestWarmUp(), command.requestBurst(), command.requestBursts(),
                        command.requestHorizon(), Duration.ofSeconds(command.maxWaitSeconds()), command.requestSlot()),
                command.database(),
                command.scratch().redisUrl(),
                command.details());
        System.out.printf("generator: seed %d, bad fraction %.3f; throughput: %d products x 6 regions x %d weeks, %.1f lines per"
                        + " series-week; live: %d products x 6 regions, %.1f lines per series-week (configured forecast method: %s)%n",
                command.seed(), command.badFraction(), command.products(), command.weeks(), command.linesPerSeriesWeek(),
                command.liveProducts(), GeneratorConfig.DEFAULT_LINES_PER_SERIES_WEEK, configured);
        new PipelineBenchmark(settings, System.out).run();
    }

    private static List<String> split(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** The generator's sales-order messages (the topic DemandForecastJob reads) as Kafka records. */
    private static Iterator<ProducerRecord<byte[], byte[]>> salesOrders(CdcGenerator.CdcStream stream) {
        String topic = PipelineBenchmark.SALES_TOPIC;
        return new Iterator<>() {
            private GeneratedMessage next = advance();

            private GeneratedMessage advance() {
                while (stream.hasNext()) {
                    GeneratedMessage candidate = stream.next();
                    if (candidate.topic().equals(topic)) {
                        return candidate;
                    }
                }
                return null;
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public ProducerRecord<byte[], byte[]> next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                GeneratedMessage current = next;
                next = advance();
                return KafkaLoad.record(current);
            }
        };
    }
}
