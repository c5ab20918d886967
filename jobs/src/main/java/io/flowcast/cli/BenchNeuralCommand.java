package io.flowcast.cli;

import io.flowcast.forecast.Forecaster;
import io.flowcast.forecast.MethodRegistry;
import io.flowcast.forecast.neural.MixerBatch;
import io.flowcast.forecast.neural.MixerModel;
import io.flowcast.forecast.neural.NeuralSettings;
import io.flowcast.forecast.neural.SeriesWindow;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code flowcast bench neural}: batched mixer inference (series/s, p50/p99 batch latency) over
 * many predictions, with the process's resident memory sampled along the way to show that the
 * per-batch native memory is returned; theta's series/s on the same windows is the baseline.
 */
@Command(name = "neural", mixinStandardHelpOptions = true,
        description = "Mixer inference: series/s, batch latency, resident memory over many predictions; theta as baseline.")
public final class BenchNeuralCommand implements Callable<Integer> {
    @Mixin NeuralOptions neural;

    @Option(names = "--series", defaultValue = "1000000", description = "Series forecast in total. Default: ${DEFAULT-VALUE}")
    long total;

    @Option(names = "--batch", defaultValue = "256", description = "Series per batch (1..256). Default: ${DEFAULT-VALUE}")
    int batch;

    @Option(names = "--workers", defaultValue = "1", description = "Threads, each with its own predictor. Default: ${DEFAULT-VALUE}")
    int workers;

    @Option(names = "--torch-threads", description = "PyTorch threads per predictor (default: forecast.neural.threads).")
    Integer torchThreads;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        NeuralSettings configured = neural.settings();
        NeuralSettings settings = new NeuralSettings(configured.device(),
                torchThreads != null ? torchThreads : configured.threads(), configured.interopThreads(), batch);
        try (MixerModel model = MixerModel.load(neural.modelDir(), settings)) {
            int context = model.config().context();
            int horizon = model.config().horizon();
            List<SeriesWindow> windows = windows(4 * batch, context, model.config().channels());
            List<MixerBatch> batches = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                batches.add(MixerBatch.encode(model.config(), windows.subList(i * batch, (i + 1) * batch)));
            }
            double thetaRate = thetaBaseline(windows.subList(0, Math.min(2000, windows.size())), horizon);
            for (int i = 0; i < 20; i++) { // warm-up: JIT, allocator pools, predictor creation
                model.predictBatch(batches.get(i % batches.size()));
            }
            long batchesTotal = Math.max(1, total / batch);
            long[] latencies = new long[(int) Math.min(batchesTotal, 2_000_000)];
            AtomicLong next = new AtomicLong();
            long rssStart = rssKb();
            List<long[]> rssSamples = new ArrayList<>();
            long start = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(workers);
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                futures.add(pool.submit(() -> {
                    long i;
                    while ((i = next.getAndIncrement()) < batchesTotal) {
                        long t0 = System.nanoTime();
                        model.predictBatch(batches.get((int) (i % batches.size())));
                        if (i < latencies.length) {
                            latencies[(int) i] = System.nanoTime() - t0;
                        }
                        if (i % Math.max(1, batchesTotal / 10) == 0) {
                            synchronized (rssSamples) {
                                rssSamples.add(new long[] {i * batch, rssKb()});
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            pool.shutdown();
            double seconds = (System.nanoTime() - start) / 1e9;
            long rssEnd = rssKb();
            long[] sorted = Arrays.copyOf(latencies, (int) Math.min(batchesTotal, latencies.length));
            Arrays.sort(sorted);
            double rate = batchesTotal * batch / seconds;
            out.printf(Locale.ROOT, "mixer %s: context %d, horizon %d, %d channels, %d parameters, device %s%n",
                    neural.modelDir(), context, horizon, model.config().channels(), model.parameterCount(),
                    settings.device());
            out.printf(Locale.ROOT, "%d series in %d batches of %d, %d worker(s) x %d torch thread(s): %.1f s%n",
                    batchesTotal * batch, batchesTotal, batch, workers, settings.threads(), seconds);
            out.printf(Locale.ROOT, "mixer  %10.0f series/s   batch latency p50 %.2f ms  p99 %.2f ms  max %.2f ms%n",
                    rate, sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.99)] / 1e6,
                    sorted[sorted.length - 1] / 1e6);
            out.printf(Locale.ROOT, "theta  %10.0f series/s   (1 thread, same windows, h=%d, baseline)  ratio %.1fx%n",
                    thetaRate, horizon, rate / thetaRate);
            rssSamples.sort((a, b) -> Long.compare(a[0], b[0]));
            StringBuilder sb = new StringBuilder();
            for (long[] s : rssSamples) {
                sb.append(String.format(Locale.ROOT, " %dk:%.0fMB", s[0] / 1000, s[1] / 1024.0));
            }
            long rssHalf = rssSamples.isEmpty() ? rssStart : rssSamples.get(rssSamples.size() / 2)[1];
            out.printf(Locale.ROOT, "resident memory: start %.0f MB, half-way %.0f MB, end %.0f MB (second half %+.1f MB), "
                    + "Java heap committed %.0f MB; samples%s%n", rssStart / 1024.0, rssHalf / 1024.0, rssEnd / 1024.0,
                    (rssEnd - rssHalf) / 1024.0, Runtime.getRuntime().totalMemory() / 1048576.0, sb);
            out.println("(run with a fixed, pre-touched heap, e.g. FLOWCAST_JAVA_OPTS=\"-Xms512m -Xmx512m "
                    + "-XX:+AlwaysPreTouch\", so resident growth is native growth)");
        }
        return 0;
    }

    /** Random walks with a weekly-ish season on two channels (revenue = units x a price). */
    static List<SeriesWindow> windows(int count, int length, int channels) {
        SplittableRandom r = new SplittableRandom(7);
        List<SeriesWindow> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            double[][] ch = new double[channels][length];
            double level = 50 + 500 * r.nextDouble();
            double price = 1 + 20 * r.nextDouble();
            for (int t = 0; t < length; t++) {
                level = Math.max(0, level + r.nextDouble(-5, 5));
                ch[0][t] = level * (1 + 0.2 * Math.sin(2 * Math.PI * t / 52));
                for (int c = 1; c < channels; c++) {
                    ch[c][t] = ch[0][t] * price;
                }
            }
            out.add(new SeriesWindow(ch, null, null));
        }
        return out;
    }

    private static double thetaBaseline(List<SeriesWindow> windows, int horizon) {
        Forecaster f = new Forecaster(MethodRegistry.defaults());
        long start = System.nanoTime();
        double sum = 0;
        for (SeriesWindow w : windows) {
            sum += f.forecast("theta", w.channels()[0], 52, horizon, new double[] {80}).meanAt(0);
        }
        if (Double.isNaN(sum)) {
            throw new IllegalStateException("theta produced NaN");
        }
        return windows.size() / ((System.nanoTime() - start) / 1e9);
    }

    /** Resident set size of this process in kB (from /proc; Java heap + native). */
    static long rssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
