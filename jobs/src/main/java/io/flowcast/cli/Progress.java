package io.flowcast.cli;

/** A one-line progress bar on stderr for long runs. */
final class Progress {

    private static final int WIDTH = 40;

    private Progress() {}

    static void tick(int done, int total) {
        if (total < 200 || (done % Math.max(1, total / 100) != 0 && done != total)) {
            return;
        }
        int filled = (int) ((long) WIDTH * done / total);
        synchronized (System.err) {
            System.err.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + done + "/" + total);
        }
    }
}
