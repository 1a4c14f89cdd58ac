package io.eventcommerce.servicekit.time;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The current instant at the precision the databases keep (DATETIME(6): microseconds), so a value a service
 * returns right after a write is the value it returns on every later read.
 */
public final class Timestamps {

    private Timestamps() {
    }

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
