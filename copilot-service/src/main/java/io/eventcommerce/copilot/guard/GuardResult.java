package io.eventcommerce.copilot.guard;

import java.util.Optional;

/**
 * What the guard made of a statement: either the SQL to run (rewritten: row limit, time limit, {@code *} spelled
 * out) or the refusal. Never both.
 */
public record GuardResult(String sql, GuardRefusal refusal) {

    static GuardResult allowed(String sql) {
        return new GuardResult(sql, null);
    }

    static GuardResult refused(GuardRefusal.Reason reason, String message) {
        return new GuardResult(null, new GuardRefusal(reason, message));
    }

    public boolean isAllowed() {
        return refusal == null;
    }

    public Optional<GuardRefusal> refusalIfAny() {
        return Optional.ofNullable(refusal);
    }
}
