package io.eventcommerce.servicekit.messaging;

import io.eventcommerce.events.MalformedEventException;
import io.eventcommerce.servicekit.problem.ApiException;
import io.eventcommerce.servicekit.problem.DomainException;
import io.eventcommerce.servicekit.problem.ProblemType;
import jakarta.persistence.PersistenceException;
import org.hibernate.exception.GenericJDBCException;
import org.hibernate.exception.JDBCConnectionException;
import org.hibernate.exception.LockAcquisitionException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;

import static io.eventcommerce.servicekit.messaging.FailureClass.PERMANENT;
import static io.eventcommerce.servicekit.messaging.FailureClass.TRANSIENT;
import static io.eventcommerce.servicekit.messaging.FailureClass.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

/** Chains as the MariaDB driver, Hibernate, Agroal, Narayana and Kafka throw them. */
class FailureClassTest {

    /** Narayana wraps what failed at commit; the interesting part is always further down. */
    private static RuntimeException atCommit(Throwable cause) {
        return new RuntimeException("ARJUNA016053: Could not commit transaction.", cause);
    }

    @Test
    void aDatabaseThatWentAwayIsTransient() {
        // MariaDB Connector/J 3: the socket broke under a statement.
        assertThat(FailureClass.of(new JDBCConnectionException("could not execute statement",
                new SQLNonTransientConnectionException("(conn=12) Connection reset", "08000")))).isEqualTo(TRANSIENT);
        // A new connection refused while the server restarts, surfacing at commit.
        assertThat(FailureClass.of(atCommit(new PersistenceException("Unable to acquire JDBC Connection",
                new SQLNonTransientConnectionException("Socket fail to connect to localhost", "08000")))))
                .isEqualTo(TRANSIENT);
        assertThat(FailureClass.of(new SQLTransientConnectionException("timeout"))).isEqualTo(TRANSIENT);
        // Only the SQL state says it: connection exception class 08.
        assertThat(FailureClass.of(new GenericJDBCException("x", new SQLException("Communications link failure",
                "08S01")))).isEqualTo(TRANSIENT);
    }

    @Test
    void lockConflictsAreTransient() {
        assertThat(FailureClass.of(atCommit(new LockAcquisitionException("could not execute statement",
                new SQLTransactionRollbackException("Deadlock found when trying to get lock", "40001", 1213)))))
                .isEqualTo(TRANSIENT);
        // Lock wait timeout as a bare driver error: only the vendor code tells.
        assertThat(FailureClass.of(new GenericJDBCException("could not execute statement",
                new SQLException("Lock wait timeout exceeded; try restarting transaction", "HY000", 1205))))
                .isEqualTo(TRANSIENT);
        assertThat(FailureClass.of(new jakarta.persistence.LockTimeoutException("lock timeout"))).isEqualTo(TRANSIENT);
        assertThat(FailureClass.of(new jakarta.persistence.PessimisticLockException("lock"))).isEqualTo(TRANSIENT);
        assertThat(FailureClass.of(new jakarta.persistence.QueryTimeoutException("slow"))).isEqualTo(TRANSIENT);
    }

    @Test
    void anExhaustedPoolIsTransient() {
        assertThat(FailureClass.of(new GenericJDBCException("Unable to acquire JDBC Connection",
                new SQLException("Sorry, acquisition timeout!")))).isEqualTo(TRANSIENT);
    }

    @Test
    void aRetriableKafkaErrorIsTransient() {
        assertThat(FailureClass.of(new IllegalStateException("send failed",
                new org.apache.kafka.common.errors.TimeoutException("expired")))).isEqualTo(TRANSIENT);
    }

    @Test
    void anEventThatBreaksItsContractOrARuleIsPermanent() {
        assertThat(FailureClass.of(new MalformedEventException("no eventId"))).isEqualTo(PERMANENT);
        assertThat(FailureClass.of(new UnprocessableEventException("unknown currency XXX"))).isEqualTo(PERMANENT);
        assertThat(FailureClass.of(ApiException.conflict("already shipped"))).isEqualTo(PERMANENT);
        assertThat(FailureClass.of(atCommit(ApiException.invalidField("sku", "too long")))).isEqualTo(PERMANENT);
    }

    /** A domain rule's refusal (an illegal transition, an unknown reference) answers the same on every retry. */
    @Test
    void aDomainExceptionIsPermanentOfEveryKind() {
        for (DomainException.Kind kind : DomainException.Kind.values()) {
            assertThat(FailureClass.of(new DomainException(kind, "refused"))).as(kind.name()).isEqualTo(PERMANENT);
        }
        class IllegalMove extends DomainException {
            IllegalMove() {
                super(Kind.CONFLICT, "An order that is SHIPPED cannot become CANCELLED");
            }
        }
        assertThat(FailureClass.of(atCommit(new IllegalMove()))).isEqualTo(PERMANENT);
        assertThat(FailureClass.of(new RuntimeException("wrapped", DomainException.notFound("Order", 1))))
                .isEqualTo(PERMANENT);
    }

    @Test
    void anOutageWinsOverARuleFoundInTheSameChain() {
        RuntimeException refusedWhileDown = new RuntimeException(ApiException.conflict("x"));
        refusedWhileDown.addSuppressed(new IllegalStateException());
        assertThat(FailureClass.of(new RuntimeException("wrapped", new JDBCConnectionException("gone",
                new SQLNonTransientConnectionException("reset", "08000"))))).isEqualTo(TRANSIENT);
        assertThat(FailureClass.of(new ApiException(ProblemType.SERVICE_UNAVAILABLE, "rolled back")))
                .as("a 5xx ApiException reports an outage, not a rule").isEqualTo(UNKNOWN);
    }

    @Test
    void aValueThatDoesNotFitItsColumnIsPermanent() {
        assertThat(FailureClass.of(new PersistenceException("x", new org.hibernate.exception.DataException("x",
                new SQLException("Data too long for column 'po_number' at row 1", "22001", 1406)))))
                .isEqualTo(PERMANENT);
        assertThat(FailureClass.of(new GenericJDBCException("x", new SQLException("Out of range value", "22003",
                1264)))).isEqualTo(PERMANENT);
    }

    @Test
    void anythingElseIsUnknown() {
        assertThat(FailureClass.of(new NullPointerException())).isEqualTo(UNKNOWN);
        assertThat(FailureClass.of(new IllegalStateException("Cannot start a JTA transaction from the IO thread")))
                .isEqualTo(UNKNOWN);
        assertThat(FailureClass.of(new GenericJDBCException("x", new SQLException("Unknown column", "42S22", 1054))))
                .isEqualTo(UNKNOWN);
    }
}
