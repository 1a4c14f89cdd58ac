package io.eventcommerce.testkit;

import java.time.Duration;

/**
 * How long a test waits for an asynchronous outcome before it fails. Generous on purpose: the first run on a new,
 * slow, busy 2-core machine must pass, and an outcome that arrives is seen at once (awaits poll), so a long
 * deadline costs nothing when the code works.
 */
public final class Deadlines {

    /** Anything that crosses Debezium and Kafka: an event on a topic, a replica, a consumer's effect. */
    public static final Duration ASYNC = Duration.ofMinutes(2);

    private Deadlines() {
    }
}
