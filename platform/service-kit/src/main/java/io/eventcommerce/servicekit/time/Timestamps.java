package io.eventcommerce.servicekit.time;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
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

    /**
     * A DATETIME(6) column of a native query row (stored in UTC, as every time of the platform), as the MySQL driver
     * returns it on MySQL 8.4 and MariaDB 11.4 alike; null stays null.
     */
    public static Instant instant(Object value) {
        if (value instanceof Timestamp ts) {
            return ts.toInstant();
        }
        if (value instanceof LocalDateTime ldt) {
            return ldt.toInstant(ZoneOffset.UTC);
        }
        return (Instant) value;
    }
}
