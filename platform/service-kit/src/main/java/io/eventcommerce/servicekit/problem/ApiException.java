package io.eventcommerce.servicekit.problem;

import java.util.List;

/**
 * A failure our own code detected and can explain to the caller; rendered as problem details with the
 * exception's message as {@code detail}, so the message must be fit for a client to read.
 */
public class ApiException extends RuntimeException {

    private final ProblemType type;
    private final transient List<Problem.FieldError> errors;

    public ApiException(ProblemType type, String detail) {
        this(type, detail, List.of());
    }

    public ApiException(ProblemType type, String detail, List<Problem.FieldError> errors) {
        super(detail, null, false, false);
        this.type = type;
        this.errors = List.copyOf(errors);
    }

    /** 404: {@code what} with id {@code id} does not exist (or the caller may not know that it does). */
    public static ApiException notFound(String what, Object id) {
        return new ApiException(ProblemType.NOT_FOUND, what + " " + id + " does not exist");
    }

    /** 409: the request conflicts with the current state. */
    public static ApiException conflict(String detail) {
        return new ApiException(ProblemType.CONFLICT, detail);
    }

    /** 422: the request is well-formed but a field's value cannot be accepted. */
    public static ApiException invalidField(String field, String message) {
        return invalid(List.of(new Problem.FieldError(field, message)));
    }

    /** 422 with several field errors. */
    public static ApiException invalid(List<Problem.FieldError> errors) {
        return new ApiException(ProblemType.VALIDATION_FAILED, "The request has invalid fields", errors);
    }

    public ProblemType type() {
        return type;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
