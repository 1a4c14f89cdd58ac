package io.eventcommerce.devstack.datagen;

import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicInteger;

/** A one-line progress bar per step, redrawn in place: {@code products  [#####-----]  50%  2500/5000  12 s}. */
final class Progress {

    private static final int WIDTH = 30;

    private final PrintWriter out;
    private final String step;
    private final int total;
    private final AtomicInteger done = new AtomicInteger();
    private final long started = System.nanoTime();
    private volatile int drawnPercent = -1;

    Progress(PrintWriter out, String step, int total) {
        this.out = out;
        this.step = step;
        this.total = Math.max(total, 1);
        draw(0);
    }

    void advance(int count) {
        draw(done.addAndGet(count));
    }

    void finish() {
        draw(total);
        synchronized (out) {
            out.println();
            out.flush();
        }
    }

    private void draw(int now) {
        int percent = (int) (100L * Math.min(now, total) / total);
        if (percent == drawnPercent && now < total) {
            return;
        }
        drawnPercent = percent;
        int filled = WIDTH * percent / 100;
        synchronized (out) {
            out.printf("\r  %-12s [%s%s] %3d%%  %d/%d  %d s", step, "#".repeat(filled), "-".repeat(WIDTH - filled),
                    percent, Math.min(now, total), total, (System.nanoTime() - started) / 1_000_000_000L);
            out.flush();
        }
    }
}
