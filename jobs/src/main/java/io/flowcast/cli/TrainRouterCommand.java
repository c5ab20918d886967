package io.flowcast.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code flowcast train router}: runs the TrainingJob (batch) in this process, once or every
 * {@code --every}; on a cluster, submit {@code io.flowcast.jobs.TrainingJob} instead (README).
 */
@Command(name = "router", mixinStandardHelpOptions = true,
        description = "Train the method router + clusters on weekly_sales (TrainingJob, batch), evaluate it against "
                + "the production model and promote it in model_registry only when better.")
public final class TrainRouterCommand implements Callable<Integer> {

    @Option(names = "--config", description = "YAML file over the bundled defaults")
    Path config;

    @Option(names = "--set", description = "key=value override, e.g. models.training.origins=3")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--every", description = "Run again after this interval (ISO-8601, e.g. PT1H or P7D) until stopped; "
            + "the local stand-in for the CronJob in flink-cluster/k8s.")
    Duration every;

    @Override
    public Integer call() throws Exception {
        List<String> args = new ArrayList<>();
        if (config != null) {
            args.add("--config");
            args.add(config.toString());
        }
        for (String o : overrides) {
            args.add("--set");
            args.add(o);
        }
        while (true) {
            // By reflection: keeps Flink types out of the CLI classes (see FlowcastCli).
            Class.forName("io.flowcast.jobs.TrainingJob").getMethod("main", String[].class)
                    .invoke(null, (Object) args.toArray(new String[0]));
            if (every == null) {
                return 0;
            }
            System.err.println("next training in " + every);
            Thread.sleep(every.toMillis());
        }
    }
}
