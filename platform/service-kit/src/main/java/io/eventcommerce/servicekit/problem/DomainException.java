package io.eventcommerce.servicekit.problem;

import java.util.List;

/**
 * A rule of the domain refused something: thrown by entities, state machines and services, in the domain's terms,
 * and mapped to problem details once ({@link ProblemMappers#domain}), by its {@link Kind}. A service's own
 * exceptions (an illegal order transition, a purchase order state that does not allow a change) extend it, so no
 * service catches and rethrows them as {@link ApiException}. A consumer's handler that meets one dead-letters the
 * event at once (it is {@code PERMANENT} to {@code FailureClass}): retrying cannot change a rule's answer.
 *
 * <p>The message is the problem's {@code detail}, so it must be fit for a client to read. An invalid input names
 * the field at fault as the command names it; the REST records bind their JSON properties to the same names, so
 * the field errors a client sees name what it sent.
 */
public class DomainException extends RuntimeException {

    /** What kind of refusal it is; decides the problem type (and status) a client sees. */
    public enum Kind {
        /** The thing referred to does not exist: 404. */
        NOT_FOUND(ProblemType.NOT_FOUND),
        /** The current state does not allow it (an illegal transition) or it clashes with other data: 409. */
        CONFLICT(ProblemType.CONFLICT),
        /** A value cannot be accepted: 422 with the fields at fault. */
        INVALID(ProblemType.VALIDATION_FAILED),
        /** The caller may not do this, whatever its roles (four eyes): 403. */
        NOT_ALLOWED(ProblemType.FORBIDDEN);

        private final ProblemType problem;

        Kind(ProblemType problem) {
            this.problem = problem;
        }

        public ProblemType problem() {
            return problem;
        }
    }

    private final Kind kind;
    private final transient List<Problem.FieldError> fields;

    public DomainException(Kind kind, String message) {
        this(kind, message, List.of());
    }

    public DomainException(Kind kind, String message, List<Problem.FieldError> fields) {
        super(message, null, false, false);
        this.kind = kind;
        this.fields = List.copyOf(fields);
    }

    /** {@code what} with id {@code id} does not exist. */
    public static DomainException notFound(String what, Object id) {
        return new DomainException(Kind.NOT_FOUND, what + " " + id + " does not exist");
    }

    /** The current state does not allow it. */
    public static DomainException conflict(String message) {
        return new DomainException(Kind.CONFLICT, message);
    }

    /** One field's value cannot be accepted. */
    public static DomainException invalid(String field, String message) {
        return invalid(List.of(new Problem.FieldError(field, message)));
    }

    /** Several fields' values cannot be accepted. */
    public static DomainException invalid(List<Problem.FieldError> fields) {
        return new DomainException(Kind.INVALID, "The request has invalid fields", fields);
    }

    public Kind kind() {
        return kind;
    }

    /** The fields at fault, for {@link Kind#INVALID}; empty otherwise. */
    public List<Problem.FieldError> fields() {
        return fields;
    }
}
