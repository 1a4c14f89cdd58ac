package io.eventcommerce.servicekit.messaging;

/**
 * Thrown by a handler for a well-formed event that breaks its contract (a reference that cannot exist, a value out
 * of its range): retrying cannot help, so {@link EventHandling} dead-letters it at once with this message as the
 * reason. An operator fixes the cause or the payload and replays it from the dead-letter topic.
 */
public class UnprocessableEventException extends RuntimeException {

    public UnprocessableEventException(String reason) {
        super(reason);
    }
}
