package io.flowcast.cli;

import java.io.PrintStream;
import java.util.Locale;

/** A one-line training progress bar: step, loss, elapsed; redrawn at most 4 times a second. */
final class StepBar {
    private static final int WIDTH = 30;
    private final PrintStream out;
    private final String label;
    private final long start = System.nanoTime();
    private long lastDraw;
    private boolean drawn;

    StepBar(PrintStream out, String label) {
        this.out = out;
        this.label = label;
    }

    synchronized void update(int step, int maxSteps, double loss) {
        long now = System.currentTimeMillis();
        if (step < maxSteps && now - lastDraw < 250) {
            return;
        }
        lastDraw = now;
        drawn = true;
        int filled = (int) ((long) WIDTH * step / maxSteps);
        out.printf(Locale.ROOT, "\r%s [%s%s] step %d/%d loss %.4f %.1fs", label, "#".repeat(filled),
                " ".repeat(WIDTH - filled), step, maxSteps, loss, (System.nanoTime() - start) / 1e9);
        out.flush();
    }

    synchronized void finish() {
        if (drawn) {
            out.println();
        }
    }
}
