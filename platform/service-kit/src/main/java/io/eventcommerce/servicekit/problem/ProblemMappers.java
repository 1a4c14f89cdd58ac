package io.eventcommerce.servicekit.problem;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.eventcommerce.servicekit.messaging.FailureClass;
import io.eventcommerce.servicekit.pci.CardNumberRejected;
import io.eventcommerce.servicekit.pci.CardNumbers;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;
import java.util.UUID;

/**
 * The one mapping from exceptions to RFC 9457 problem details, for every service. Nothing of the server's inside
 * (class names, stack traces, SQL) reaches a response: unexpected failures are logged with an id that the
 * response repeats, so an operator can find the log line.
 *
 * <p>Authentication and authorization failures only arrive here because services run with
 * {@code quarkus.http.auth.proactive=false}; otherwise the HTTP layer would answer 401/403 with an empty body.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response api(ApiException e, UriInfo uri) {
        return respond(e.type(), e.getMessage(), uri, e.errors());
    }

    /** Every domain rule's refusal, by its kind: the one place a domain exception becomes a status. */
    @ServerExceptionMapper
    public Response domain(DomainException e, UriInfo uri) {
        return respond(e.kind().problem(), e.getMessage(), uri, e.fields());
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        if (Violations.concernsResponse(e.getConstraintViolations())) {
            return unexpected(e, uri);
        }
        return respond(ProblemType.VALIDATION_FAILED, "The request has invalid fields", uri,
                Violations.fieldErrors(e.getConstraintViolations()));
    }

    @ServerExceptionMapper
    public Response cardNumber(CardNumberRejected e, UriInfo uri) {
        return malformedJson(e, uri);
    }

    @ServerExceptionMapper
    public Response unreadableField(MismatchedInputException e, UriInfo uri) {
        return malformedJson(e, uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformedJson(json, uri);
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        ProblemType type = ProblemType.forStatus(status);
        String detail = switch (type) {
            case NOT_FOUND -> "No resource at " + CardNumbers.mask(uri.getPath());
            case METHOD_NOT_ALLOWED -> "This resource does not support that method";
            case UNSUPPORTED_MEDIA_TYPE -> "Send the body as application/json";
            case NOT_ACCEPTABLE -> "This resource answers with application/json";
            default -> type.title();
        };
        return respond(type, status, detail, uri, List.of());
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class,
            AuthenticationCompletionException.class})
    public Response unauthenticated(UriInfo uri) {
        return Response.fromResponse(respond(ProblemType.UNAUTHORIZED,
                        "A valid bearer token is required", uri, List.of()))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(ProblemType.FORBIDDEN, "Your roles do not allow this", uri, List.of());
    }

    @ServerExceptionMapper
    public Response concurrentChange(OptimisticLockException e, UriInfo uri) {
        return respond(ProblemType.CONFLICT, "The resource was changed concurrently; read it again and retry",
                uri, List.of());
    }

    /**
     * A version check that failed at commit (the flush of a {@code @Version} entity another request changed first)
     * arrives wrapped by the transaction manager, not as the bare {@link OptimisticLockException} above: found
     * anywhere in the cause chain, it is the same 409. A unique or foreign key the database refused: two requests raced past the service's own checks (two creates
     * of one SKU), so the loser gets what it would have got a moment later, a 409. Found anywhere in the cause
     * chain, since a failure at commit arrives wrapped by the transaction manager. A deadlock or lock timeout rolled
     * the whole transaction back: nothing was written, and the same request will most likely succeed when sent
     * again, so it is 503 with Retry-After. So is a database the service cannot reach or has no free connection to
     * (FailureClass TRANSIENT: a flood of requests exhausting the pool is load, not a bug).
     */
    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof OptimisticLockException || cause instanceof org.hibernate.StaleObjectStateException
                    || cause instanceof org.hibernate.StaleStateException) {
                LOG.infof("Concurrent change on %s, rolled back: %s", uri.getPath(), cause.getClass().getSimpleName());
                return concurrentChange(null, uri);
            }
            if (cause instanceof jakarta.persistence.PessimisticLockException
                    || cause instanceof jakarta.persistence.LockTimeoutException
                    || cause instanceof org.hibernate.exception.LockAcquisitionException) {
                LOG.warnf("Lock conflict on %s, rolled back: %s", uri.getPath(), cause.getMessage());
                return Response.fromResponse(respond(ProblemType.SERVICE_UNAVAILABLE, "The request met concurrent "
                        + "writes and was rolled back; nothing was changed, send it again", uri, List.of()))
                        .header("Retry-After", "1").build();
            }
            if (cause instanceof org.hibernate.exception.ConstraintViolationException violation) {
                LOG.warnf("Constraint %s refused a write on %s", violation.getConstraintName(), uri.getPath());
                return respond(ProblemType.CONFLICT, "The request conflicts with data written at the same time; "
                        + "read it again and retry", uri, List.of());
            }
        }
        if (FailureClass.of(e) == FailureClass.TRANSIENT) {
            // No connection free in the pool within its acquisition timeout, or the database out of reach: the
            // service is overloaded or the database is down, not broken; the client is told to come back.
            LOG.warnf("Database busy or unreachable on %s: %s", uri.getPath(), FailureClass.describe(e));
            return Response.fromResponse(respond(ProblemType.SERVICE_UNAVAILABLE, "The database is busy or out of "
                    + "reach; the request was not completed, send it again in a moment", uri, List.of()))
                    .header("Retry-After", "2").build();
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure %s on %s", errorId, uri.getPath());
        return respond(ProblemType.INTERNAL_ERROR, "The request failed unexpectedly (error id " + errorId + ")",
                uri, List.of());
    }

    private static Response malformedJson(JsonProcessingException e, UriInfo uri) {
        if (e instanceof CardNumberRejected rejected) {
            LOG.warnf("Refused a card number in field '%s' on %s", JsonErrors.path(rejected), uri.getPath());
            return respond(ProblemType.VALIDATION_FAILED, "The request carries a payment card number in a field "
                    + "that does not take one; card numbers are accepted only for tokenization", uri,
                    List.of(new Problem.FieldError(JsonErrors.path(rejected), "must not contain a card number")));
        }
        return respond(ProblemType.MALFORMED_REQUEST, JsonErrors.describe(e), uri, JsonErrors.fieldErrors(e));
    }

    private static Response respond(ProblemType type, String detail, UriInfo uri, List<Problem.FieldError> errors) {
        return respond(type, type.status(), detail, uri, errors);
    }

    private static Response respond(ProblemType type, int status, String detail, UriInfo uri,
                                    List<Problem.FieldError> errors) {
        // The path is the client's text: masked, so a card number in it is never repeated.
        Problem problem = new Problem(type.uri(), type.title(), status, detail, CardNumbers.mask(uri.getPath()),
                errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** Client-safe descriptions of JSON that could not be read: where, and which field, never Java types. */
    static final class JsonErrors {

        private JsonErrors() {
        }

        static String describe(JsonProcessingException e) {
            if (e instanceof UnrecognizedPropertyException u) {
                return "Unknown field '" + path(u) + "'";
            }
            if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
                return "Field '" + path(m) + "' has a value of the wrong type or format";
            }
            JsonLocation location = e.getLocation();
            if (location != null && location.getLineNr() > 0) {
                return "The body is not valid JSON (line " + location.getLineNr() + ", column "
                        + location.getColumnNr() + ")";
            }
            return "The body is not valid JSON";
        }

        static List<Problem.FieldError> fieldErrors(JsonProcessingException e) {
            if (e instanceof UnrecognizedPropertyException u) {
                return List.of(new Problem.FieldError(path(u), "unknown field"));
            }
            if (e instanceof InvalidFormatException f && !f.getPath().isEmpty()) {
                return List.of(new Problem.FieldError(path(f), "cannot be read from " + describeValue(f.getValue())));
            }
            if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
                return List.of(new Problem.FieldError(path(m), "wrong type or format"));
            }
            return List.of();
        }

        static String path(JsonMappingException e) {
            StringBuilder path = new StringBuilder();
            for (JsonMappingException.Reference ref : e.getPath()) {
                if (ref.getFieldName() != null) {
                    if (!path.isEmpty()) {
                        path.append('.');
                    }
                    path.append(ref.getFieldName());
                } else if (ref.getIndex() >= 0) {
                    path.append('[').append(ref.getIndex()).append(']');
                }
            }
            return path.toString();
        }

        private static String describeValue(Object value) {
            if (value == null) {
                return "null";
            }
            String text = CardNumbers.mask(String.valueOf(value));
            return "'" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "'";
        }
    }
}
