package io.eventcommerce.servicekit.messaging;

import io.eventcommerce.events.MalformedEventException;
import io.eventcommerce.servicekit.problem.ApiException;
import io.eventcommerce.servicekit.problem.DomainException;
import org.apache.kafka.common.errors.RetriableException;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * What a handler's failure says about the event, which decides what {@link EventHandling} does with it. Pure: it
 * looks only at the exception's cause chain (a failure at commit arrives wrapped by the transaction manager, a
 * driver error wrapped by Hibernate), so it is tested with chains built as the drivers throw them.
 */
public enum FailureClass {

    /** The event itself cannot be applied, now or ever: dead-letter it at once with the reason. */
    PERMANENT,
    /** The event is fine but something it needs is not (database down, lock conflict): retry until it passes. */
    TRANSIENT,
    /** Neither is recognisable (most likely a bug): retried a bounded number of times unless the database is gone. */
    UNKNOWN;

    /** MySQL/MariaDB ER_LOCK_WAIT_TIMEOUT and ER_LOCK_DEADLOCK: the transaction was rolled back, retrying succeeds. */
    private static final int LOCK_WAIT_TIMEOUT = 1205;
    private static final int DEADLOCK = 1213;
    /** MariaDB ER_CONNECTION_KILLED: the server went away under the statement. */
    private static final int CONNECTION_KILLED = 1927;

    public static FailureClass of(Throwable failure) {
        // Transient signals win over permanent ones anywhere in the chain: a rule refusing a write because the
        // database could not be read must not cost the event.
        boolean permanent = false;
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable cause = failure; cause != null && seen.put(cause, true) == null; cause = cause.getCause()) {
            if (isTransient(cause)) {
                return TRANSIENT;
            }
            if (cause instanceof SQLException sql) {
                for (SQLException next = sql.getNextException(); next != null && seen.put(next, true) == null;
                     next = next.getNextException()) {
                    if (isTransient(next)) {
                        return TRANSIENT;
                    }
                }
            }
            permanent |= isPermanent(cause);
        }
        return permanent ? PERMANENT : UNKNOWN;
    }

    /** The failure and, if different, its root cause: the wrapper says where it failed, the root says why. */
    public static String describe(Throwable failure) {
        Throwable root = failure;
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        while (root.getCause() != null && seen.put(root, true) == null) {
            root = root.getCause();
        }
        return root == failure ? failure.toString() : failure + " (caused by " + root + ")";
    }

    private static boolean isPermanent(Throwable cause) {
        return cause instanceof MalformedEventException
                || cause instanceof UnprocessableEventException
                // A domain rule refused it (an illegal transition, a reference that does not exist): so it will again.
                || cause instanceof DomainException
                // A business rule refused the event; a 5xx ApiException is not a rule but an outage reported as one.
                || cause instanceof ApiException api && api.type().status() < 500
                // SQLSTATE class 22, data exception: a value too long, out of range or not a date for its column.
                // The event's value does not fit the schema, and will not on a retry.
                || cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22");
    }

    private static boolean isTransient(Throwable cause) {
        if (cause instanceof SQLTransientException           // timeouts, rolled-back transactions, transient connection loss
                || cause instanceof SQLRecoverableException
                || cause instanceof SQLNonTransientConnectionException // what the MariaDB driver throws when the server is gone
                || cause instanceof RetriableException) {        // Kafka: not leader, timeout, network
            return true;
        }
        if (cause instanceof SQLException sql) {
            String state = sql.getSQLState();
            if (state != null && (state.startsWith("08") || state.startsWith("40"))) { // connection exception, rollback
                return true;
            }
            int code = sql.getErrorCode();
            if (code == LOCK_WAIT_TIMEOUT || code == DEADLOCK || code == CONNECTION_KILLED) {
                return true;
            }
            // Agroal throws a bare SQLException (no state, no code) when no connection frees up in time.
            String message = sql.getMessage();
            return message != null && message.contains("acquisition timeout");
        }
        return cause instanceof org.hibernate.exception.JDBCConnectionException
                || cause instanceof org.hibernate.exception.LockAcquisitionException
                || cause instanceof org.hibernate.PessimisticLockException
                || cause instanceof org.hibernate.QueryTimeoutException
                || cause instanceof jakarta.persistence.PessimisticLockException
                || cause instanceof jakarta.persistence.LockTimeoutException
                || cause instanceof jakarta.persistence.QueryTimeoutException;
    }
}
