package io.eventcommerce.copilot.guard;

/** Why a statement was not let through: a stable code for tests and logs, a sentence for the user. */
public record GuardRefusal(Reason reason, String message) {

    /** The rule a refused statement broke. */
    public enum Reason {
        EMPTY, TOO_LONG, COMMENT, MULTIPLE_STATEMENTS, PARSE_ERROR, NOT_SELECT, INTO, LOCKING, VARIABLE,
        SYSTEM_SCHEMA, TABLE_NOT_ALLOWED, COLUMN_NOT_ALLOWED, FUNCTION_DENIED, FUNCTION_NOT_ALLOWED,
        ENCODED_LITERAL, CROSS_JOIN, TOO_COMPLEX, LIMIT, UNSUPPORTED_SYNTAX
    }
}
