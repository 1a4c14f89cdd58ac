package io.eventcommerce.testkit;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * How long a test waits for an asynchronous outcome before it fails. Generous on purpose: the first run on a new,
 * slow, busy 2-core machine must pass, and an outcome that arrives is seen at once (awaits poll), so a long
 * deadline costs nothing when the code works.
 */
public final class Deadlines {

    /** Anything that crosses Debezium and Kafka: an event on a topic, a replica, a consumer's effect. */
    public static final Duration ASYNC = Duration.ofMinutes(2);

    private static final Duration POLL = Duration.ofSeconds(1);

    private Deadlines() {
    }

    /**
     * Waits until {@code count} reaches {@code target}, for as long as it keeps moving: fails only once it has stood
     * still for {@link #ASYNC}. For bulk work (a replica catching up on 100,000 events) whose total time depends on
     * the machine, where a fixed deadline would be either too short on a slow machine or hide a stall for long.
     *
     * @return the last count seen (at least {@code target})
     */
    public static long awaitCount(String what, long target, LongSupplier count) {
        long last = count.getAsLong();
        long movedAt = System.nanoTime();
        while (last < target) {
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
            long now = count.getAsLong();
            if (now != last) {
                last = now;
                movedAt = System.nanoTime();
            } else if (System.nanoTime() - movedAt > ASYNC.toNanos()) {
                throw new AssertionError(String.format("%s: %d of %d, and no progress for %s", what, last, target,
                        ASYNC));
            }
        }
        return last;
    }
}
