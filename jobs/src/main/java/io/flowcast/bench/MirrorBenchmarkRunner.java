package io.flowcast.bench;

import io.flowcast.cli.BenchMirrorCommand;
import io.flowcast.config.FlowcastConfig;
import io.flowcast.generator.CdcGenerator;
import io.flowcast.generator.GeneratorConfig;
import io.flowcast.kafka.KafkaLoad;
import java.time.Duration;
import java.util.Iterator;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Builds {@link MirrorBenchmark.Settings} from the command line and runs the benchmark. */
public final class MirrorBenchmarkRunner {

    private MirrorBenchmarkRunner() {}

    public static void run(BenchMirrorCommand command) throws Exception {
        GeneratorConfig generator = GeneratorConfig.builder()
                .seed(command.seed())
                .products(command.products())
                .weeks(command.weeks())
                .badFraction(command.badFraction())
                // The ledger's final rows are not needed here and would cost memory.
                .keepFinalRows(false)
                .build();
        MirrorBenchmark.Settings settings = new MirrorBenchmark.Settings(
                FlowcastConfig.load(command.scratch().config(), command.scratch().overrides()),
                () -> records(new CdcGenerator(generator).stream()),
                command.parallelism(),
                command.partitions(),
                command.copyRows(),
                command.latencyRate(),
                Duration.ofSeconds(command.latencySeconds()),
                command.database(),
                command.scratch().redisUrl());
        System.out.printf("generator: seed %d, %d products x 6 regions x %d weeks, bad fraction %.3f%n",
                command.seed(), command.products(), command.weeks(), command.badFraction());
        new MirrorBenchmark(settings, System.out).run();
    }

    private static Iterator<ProducerRecord<byte[], byte[]>> records(CdcGenerator.CdcStream stream) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return stream.hasNext();
            }

            @Override
            public ProducerRecord<byte[], byte[]> next() {
                return KafkaLoad.record(stream.next());
            }
        };
    }
}
