package io.eventcommerce.events;

/**
 * A message that can never be processed as it is (not JSON, no event id, data not matching its contract).
 * Retrying it is pointless: consumers send it to their dead-letter topic at once.
 */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
