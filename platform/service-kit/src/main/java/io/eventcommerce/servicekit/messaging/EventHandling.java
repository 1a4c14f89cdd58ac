package io.eventcommerce.servicekit.messaging;

import io.eventcommerce.events.MalformedEventException;
import io.eventcommerce.servicekit.audit.ChangeActor;
import io.eventcommerce.servicekit.audit.ChangeActors;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * How a consumer facade hands a Kafka record to its transactional handler: parse it, apply it, and decide by the
 * {@link FailureClass} of a failure what happens to the record:
 * <ul>
 *     <li>PERMANENT (malformed, a rule refused it, {@link UnprocessableEventException}): the exception leaves the
 *     {@code @Incoming} method at once, the message is nacked and the channel's {@code dead-letter-queue} failure
 *     strategy sends it to the dead-letter topic with the reason; the consumer goes on.</li>
 *     <li>TRANSIENT (database gone, lock conflict, ...): retried for as long as it takes, with exponential back-off
 *     from {@code platform.consumer.retry-backoff} up to {@code platform.consumer.retry-backoff-max}. The record is
 *     not acknowledged meanwhile, so nothing is committed past it; {@link ConsumerStalls} shows the stall.</li>
 *     <li>UNKNOWN (most likely a bug): transient if the database does not answer, otherwise retried
 *     {@code platform.consumer.max-retries} times (default 3) and then dead-lettered with the reason.</li>
 * </ul>
 * Retries run in a plain loop on the calling worker thread: the handler is transactional, and a JTA transaction
 * cannot be started from the event-loop or scheduler threads a reactive retry would move it to. A worker blocked
 * here holds only its own channel: the Kafka connector pauses the partitions and goes on polling, so the consumer
 * keeps its group membership (the connector's unprocessed-record age check must be off, see application.properties).
 *
 * <p>Once the application is shutting down, any failure leaves the record unacknowledged instead: the handler's
 * resources (the EntityManagerFactory, the datasource) close under a consumer that is still working, and the failure
 * that causes says nothing about the event. The worker thread then waits for the process to end, neither returning
 * (an acknowledgement would commit past the event) nor throwing (a nack would dead-letter it); the next start reads
 * the record again.
 *
 * <p>Every change a handler makes names the service as its actor and the event as its cause
 * ({@link ChangeActors#during}: {@code service:<application>;<event id>;event}).
 */
@ApplicationScoped
public class EventHandling {

    private static final Logger LOG = Logger.getLogger(EventHandling.class);

    private final int maxRetries;
    private final Duration backoff;
    private final Duration maxBackoff;
    private final BooleanSupplier databaseReachable;
    private final ConsumerStalls stalls;
    private final MeterRegistry meters;
    private volatile boolean stopping;

    @Inject
    public EventHandling(@ConfigProperty(name = "platform.consumer.max-retries", defaultValue = "3") int maxRetries,
                         @ConfigProperty(name = "platform.consumer.retry-backoff", defaultValue = "PT0.2S") Duration backoff,
                         @ConfigProperty(name = "platform.consumer.retry-backoff-max", defaultValue = "PT30S")
                         Duration maxBackoff,
                         DatabaseProbe database, ConsumerStalls stalls, MeterRegistry meters) {
        this(maxRetries, backoff, maxBackoff, database::reachable, stalls, meters);
    }

    public EventHandling(int maxRetries, Duration backoff, Duration maxBackoff, BooleanSupplier databaseReachable,
                         ConsumerStalls stalls, MeterRegistry meters) {
        this.maxRetries = maxRetries;
        this.backoff = backoff;
        this.maxBackoff = maxBackoff;
        this.databaseReachable = databaseReachable;
        this.stalls = stalls;
        this.meters = meters;
    }

    /**
     * Parses {@code record} and applies it with {@code handler} on the calling thread, retrying as its failure
     * allows. Returns once the event is applied.
     *
     * @throws RuntimeException the failure, when the record is to be dead-lettered
     */
    public void handle(String channel, ConsumerRecord<String, String> record, Consumer<IncomingEvent> handler) {
        IncomingEvent event;
        try {
            event = IncomingEvent.from(record);
        } catch (MalformedEventException e) {
            deadLetter(channel, record.topic() + "-" + record.partition() + "@" + record.offset(), FailureClass.PERMANENT, e);
            throw e;
        }
        apply(channel, event, handler);
    }

    /** Applies an already parsed event as {@link #handle} does (a replay from a dead-letter topic goes here). */
    public void apply(String channel, IncomingEvent event, Consumer<IncomingEvent> handler) {
        int attempts = 0;
        int unknownFailures = 0;
        boolean stalled = false;
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    ChangeActors.during(event.eventId().toString(), ChangeActor.EVENT, () -> handler.accept(event));
                    if (stalled) {
                        LOG.infof("Channel %s: %s applied after %d attempts", channel, event, attempts + 1);
                    }
                    return;
                } catch (RuntimeException failure) {
                    if (stopping) {
                        holdUntilExit(channel, event, failure);
                    }
                    attempts++;
                    FailureClass kind = FailureClass.of(failure);
                    if (kind == FailureClass.UNKNOWN && !databaseReachable.getAsBoolean()) {
                        kind = FailureClass.TRANSIENT;
                    }
                    if (kind == FailureClass.PERMANENT
                            || kind == FailureClass.UNKNOWN && ++unknownFailures > maxRetries) {
                        deadLetter(channel, event.toString(), kind, failure);
                        throw failure;
                    }
                    if (kind == FailureClass.TRANSIENT) {
                        stalls.retrying(channel, event, attempts, failure);
                        stalled = true;
                    }
                    meters.counter("eventcommerce.consumer.retries", "channel", channel,
                            "class", kind.name().toLowerCase()).increment();
                    Duration wait = backoff(attempts);
                    // Every attempt of a long outage would flood the log; the first few and then every tenth say enough.
                    if (attempts <= 3 || attempts % 10 == 0) {
                        LOG.warnf("Channel %s: %s failed (%s, attempt %d), retrying in %s: %s", channel, event,
                                kind, attempts, wait, FailureClass.describe(failure));
                    }
                    try {
                        Thread.sleep(wait.toMillis());
                    } catch (InterruptedException e) {
                        // Giving up would nack the record into the dead-letter topic; keep it instead and let the
                        // shutdown (or the next attempt) decide. The flag is restored on the way out.
                        interrupted = true;
                    }
                }
            }
        } finally {
            if (stalled) {
                stalls.passed(channel);
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Early among the shutdown observers: before the persistence layer closes under the consumers. */
    void onShutdown(@Observes @Priority(1) ShutdownEvent shutdown) {
        stopping();
    }

    /** From now on a failure holds its record unacknowledged until the process ends. */
    void stopping() {
        stopping = true;
    }

    private static void holdUntilExit(String channel, IncomingEvent event, RuntimeException failure) {
        LOG.warnf("Channel %s: %s failed during shutdown (%s); left unacknowledged, the next start applies it",
                channel, event, FailureClass.describe(failure));
        while (true) {
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                // The executor's shutdown interrupts its workers; ending here would acknowledge or nack the record.
            }
        }
    }

    /** {@code backoff} doubled per attempt, capped at {@code maxBackoff}. */
    Duration backoff(int attempt) {
        long millis = backoff.toMillis();
        for (int i = 1; i < attempt && millis < maxBackoff.toMillis(); i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
    }

    private void deadLetter(String channel, String what, FailureClass kind, RuntimeException failure) {
        meters.counter("eventcommerce.consumer.dead-lettered", "channel", channel,
                "class", kind.name().toLowerCase()).increment();
        LOG.errorf("Channel %s: dead-lettering %s (%s): %s", channel, what, kind, FailureClass.describe(failure));
    }
}
