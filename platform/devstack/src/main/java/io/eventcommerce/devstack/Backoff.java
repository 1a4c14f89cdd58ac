package io.eventcommerce.devstack;

import java.time.Duration;

/**
 * How long the supervisor waits before starting a service or stack process that died: {@code initial} after the first crash,
 * doubling with every crash that follows a short life, up to {@code max}; back to {@code initial} once the service
 * had stayed ready for {@code resetAfter}. A service that keeps dying is given up after {@code maxAttempts}
 * consecutive restarts that never lasted, instead of being restarted for ever while nobody looks.
 */
public final class Backoff {

    static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(1),
            10);

    private final Duration initial;
    private final Duration max;
    private final Duration resetAfter;
    private final int maxAttempts;
    private Duration last;
    private int attempts;

    public Backoff(Duration initial, Duration max, Duration resetAfter, int maxAttempts) {
        this.initial = initial;
        this.max = max;
        this.resetAfter = resetAfter;
        this.maxAttempts = maxAttempts;
    }

    /** A fresh sequence with the same settings, one per supervised service. */
    Backoff copy() {
        return new Backoff(initial, max, resetAfter, maxAttempts);
    }

    /**
     * @param readyFor how long the process that just died had been ready ({@link Duration#ZERO} if never)
     * @return the pause before the next start
     */
    Duration next(Duration readyFor) {
        if (last == null || readyFor.compareTo(resetAfter) >= 0) {
            last = initial;
            attempts = 1;
        } else {
            Duration doubled = last.multipliedBy(2);
            last = doubled.compareTo(max) > 0 ? max : doubled;
            attempts++;
        }
        return last;
    }

    /** Too many short-lived restarts in a row: stop trying. */
    boolean exhausted() {
        return attempts > maxAttempts;
    }

    int attempts() {
        return attempts;
    }
}
