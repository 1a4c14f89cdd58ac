package io.eventcommerce.servicekit.problem;

import java.net.URI;

/** The kinds of problem the platform reports; their URIs are a stable part of the API. */
public enum ProblemType {

    MALFORMED_REQUEST(400, "Malformed request"),
    UNAUTHORIZED(401, "Authentication required"),
    FORBIDDEN(403, "Not allowed"),
    NOT_FOUND(404, "Not found"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    NOT_ACCEPTABLE(406, "Not acceptable"),
    CONFLICT(409, "Conflict"),
    PRECONDITION_FAILED(412, "Precondition failed"),
    /** A request body larger than the operation accepts (a vendor upload over its size limit). */
    PAYLOAD_TOO_LARGE(413, "Payload too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    VALIDATION_FAILED(422, "Validation failed"),
    /** An Idempotency-Key was sent again with a different request. */
    IDEMPOTENCY_KEY_REUSED(422, "Idempotency key reused"),
    INTERNAL_ERROR(500, "Internal error"),
    SERVICE_UNAVAILABLE(503, "Service unavailable");

    public static final String BASE = "https://eventcommerce.io/problems/";

    private final int status;
    private final String title;
    private final URI uri;

    ProblemType(int status, String title) {
        this.status = status;
        this.title = title;
        this.uri = URI.create(BASE + name().toLowerCase().replace('_', '-'));
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public URI uri() {
        return uri;
    }

    /** The generic kind for an HTTP status, for errors raised by the framework rather than by our code. */
    public static ProblemType forStatus(int status) {
        for (ProblemType type : values()) {
            if (type.status == status) {
                return type;
            }
        }
        return status >= 500 ? INTERNAL_ERROR : MALFORMED_REQUEST;
    }
}
