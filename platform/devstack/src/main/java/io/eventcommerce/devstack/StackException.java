package io.eventcommerce.devstack;

/** The embedded stack or a service could not be started, reached or stopped. */
public class StackException extends RuntimeException {

    public StackException(String message) {
        super(message);
    }

    public StackException(String message, Throwable cause) {
        super(message, cause);
    }
}
