package io.eventcommerce.servicekit.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.time.Duration;
import java.util.List;

/**
 * Not ready while a consumer has been stuck on a transient failure (usually the database) for longer than
 * {@code platform.consumer.stall-readiness-after}: the service cannot keep up with its events, and most likely
 * cannot serve requests either. A short stall (a deadlock, a lock timeout) stays UP. The data says which channel is
 * held at which record, since when, and why.
 */
@Readiness
@ApplicationScoped
public class ConsumerStallCheck implements HealthCheck {

    private final ConsumerStalls stalls;
    private final Duration after;

    public ConsumerStallCheck(ConsumerStalls stalls,
                              @ConfigProperty(name = "platform.consumer.stall-readiness-after", defaultValue = "PT10S")
                              Duration after) {
        this.stalls = stalls;
        this.after = after;
    }

    @Override
    public HealthCheckResponse call() {
        List<ConsumerStalls.Stall> stalled = stalls.longerThan(after);
        HealthCheckResponseBuilder response = HealthCheckResponse.named("event-consumers").status(stalled.isEmpty());
        for (ConsumerStalls.Stall stall : stalled) {
            response.withData(stall.channel(), "held at " + stall.topic() + "-" + stall.partition() + "@"
                    + stall.offset() + " since " + stall.since() + " after " + stall.attempts() + " attempts: "
                    + stall.lastError());
        }
        return response.build();
    }
}
