package io.eventcommerce.devstack;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a condition until it holds or a deadline passes; readiness checks of the stack's processes. */
final class Await {

    private Await() {
    }

    /**
     * @param what      named in the timeout message
     * @param stillAlive called before each attempt; throws if the awaited process died (no point waiting)
     */
    static void until(String what, Duration timeout, Runnable stillAlive, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = 50;
        while (true) {
            stillAlive.run();
            if (condition.getAsBoolean()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new StackException("Timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackException("Interrupted while waiting for " + what);
            }
            pause = Math.min(pause * 2, 500);
        }
    }
}
