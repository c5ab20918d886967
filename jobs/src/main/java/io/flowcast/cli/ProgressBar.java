package io.flowcast.cli;

import java.io.PrintStream;

/** A one-line progress bar on stderr, redrawn at most every {@link #REDRAW_MILLIS} ms. */
final class ProgressBar {
    private static final long REDRAW_MILLIS = 250;
    private static final int WIDTH = 30;
    /** Runs shorter than this many items print no bar (tests, tiny files). */
    private static final int MIN_ITEMS = 50;

    private final PrintStream out;
    private final String label;
    private final int total;
    private final long start = System.nanoTime();
    private long lastDraw;

    ProgressBar(PrintStream out, String label, int total) {
        this.out = out;
        this.label = label;
        this.total = total;
    }

    synchronized void update(int done) {
        if (total < MIN_ITEMS) {
            return;
        }
        long now = System.currentTimeMillis();
        if (done < total && now - lastDraw < REDRAW_MILLIS) {
            return;
        }
        lastDraw = now;
        int filled = (int) ((long) WIDTH * done / total);
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf("\r%s [%s%s] %d/%d series %.1fs", label, "#".repeat(filled), " ".repeat(WIDTH - filled),
                done, total, seconds);
        if (done == total) {
            out.println();
        }
        out.flush();
    }
}
