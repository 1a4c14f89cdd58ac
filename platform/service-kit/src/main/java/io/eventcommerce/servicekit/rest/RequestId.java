package io.eventcommerce.servicekit.rest;

import jakarta.enterprise.context.RequestScoped;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The id of the HTTP request being handled: the caller's {@value #HEADER} header if it is a plausible id (1 to
 * {@value #MAX_LENGTH} letters, digits and {@code . _ : -}), else a new UUID. It names the request in the actor of
 * every change the request makes ({@link io.eventcommerce.servicekit.audit.ChangeActors}) and is echoed in the
 * response, so a client or a proxy can quote it. Anything else in the header is replaced rather than refused: the
 * id only correlates, it must not make a request fail, nor carry text of the caller's choosing into the audit trail.
 * Empty outside HTTP requests (consumers, scheduled jobs), which is how those are told apart.
 */
@RequestScoped
public class RequestId {

    public static final String HEADER = "X-Request-Id";
    public static final int MAX_LENGTH = 64;
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:-]{1," + MAX_LENGTH + "}");

    private String value;

    /** The id of this request, if it is an HTTP request. */
    public Optional<String> value() {
        return Optional.ofNullable(value);
    }

    /** Sets the id from the request's header; the first call of a request wins. */
    String assign(String header) {
        if (value == null) {
            value = accepted(header);
        }
        return value;
    }

    /** {@code header} if it is a valid request id, else a new one. */
    static String accepted(String header) {
        return header != null && VALID.matcher(header).matches() ? header : UUID.randomUUID().toString();
    }
}
