package io.eventcommerce.servicekit.problem;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.RollbackException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.hibernate.StaleObjectStateException;
import org.hibernate.StaleStateException;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemMappersTest {

    private final ProblemMappers mappers = new ProblemMappers();

    /** A version check failing at commit arrives wrapped by the transaction manager; it is still a 409. */
    @Test
    void anOptimisticLockFailureAtCommitIsAConflict() {
        for (Throwable failure : new Throwable[] {
                new RollbackException("commit failed", new OptimisticLockException("row was updated")),
                new RuntimeException(new RollbackException(new StaleObjectStateException("Product", UUID.randomUUID()))),
                new IllegalStateException("flush", new StaleStateException("batch update returned 0 rows"))}) {
            Response response = mappers.unexpected(failure, uri("/products/1"));
            assertThat(response.getStatus()).as(failure.toString()).isEqualTo(409);
            assertThat(((Problem) response.getEntity()).type()).isEqualTo(ProblemType.CONFLICT.uri());
        }
    }

    /** Each kind of domain refusal is its one problem type, with the message as detail and the fields at fault. */
    @Test
    void aDomainExceptionIsMappedByItsKind() {
        Problem conflict = (Problem) mappers.domain(new DomainException(DomainException.Kind.CONFLICT,
                "An order that is SHIPPED cannot become CANCELLED"), uri("/orders/1/cancel")).getEntity();
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.type()).isEqualTo(ProblemType.CONFLICT.uri());
        assertThat(conflict.detail()).isEqualTo("An order that is SHIPPED cannot become CANCELLED");

        assertThat(mappers.domain(DomainException.notFound("Order", "1"), uri("/orders/1")).getStatus())
                .isEqualTo(404);
        assertThat(mappers.domain(new DomainException(DomainException.Kind.NOT_ALLOWED, "four eyes"), uri("/x"))
                .getStatus()).isEqualTo(403);
        Problem invalid = (Problem) mappers.domain(DomainException.invalid("customerId", "unknown customer"),
                uri("/orders")).getEntity();
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.type()).isEqualTo(ProblemType.VALIDATION_FAILED.uri());
        assertThat(invalid.errors()).containsExactly(new Problem.FieldError("customerId", "unknown customer"));
    }

    /** A pool with no free connection in time (Agroal's bare SQLException) or a database gone is 503, to retry. */
    @Test
    void anExhaustedPoolOrAnUnreachableDatabaseIsUnavailableWithRetryAfter() {
        for (Throwable failure : new Throwable[] {
                new RuntimeException(new java.sql.SQLException("Sorry, acquisition timeout!")),
                new IllegalStateException(new java.sql.SQLNonTransientConnectionException("Connection refused"))}) {
            Response response = mappers.unexpected(failure, uri("/customers/segments"));
            assertThat(response.getStatus()).as(failure.toString()).isEqualTo(503);
            assertThat(response.getHeaderString("Retry-After")).isEqualTo("2");
            assertThat(((Problem) response.getEntity()).type()).isEqualTo(ProblemType.SERVICE_UNAVAILABLE.uri());
        }
    }

    @Test
    void anythingElseUnexpectedIsStillA500() {
        assertThat(mappers.unexpected(new RuntimeException(new IllegalStateException("bug")), uri("/x")).getStatus())
                .isEqualTo(500);
    }

    /** The HTTP layer's own 413 (a body over a framework limit) is the same problem as the services' own. */
    @Test
    void aBodyTooLargeForTheFrameworkIsPayloadTooLarge() {
        Response response = mappers.web(new WebApplicationException(413), uri("/vendors/1/uploads"));

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(((Problem) response.getEntity()).type()).isEqualTo(ProblemType.PAYLOAD_TOO_LARGE.uri());
        assertThat(ProblemType.PAYLOAD_TOO_LARGE.uri().toString())
                .isEqualTo("https://eventcommerce.io/problems/payload-too-large");
    }

    @Test
    void aCardNumberInThePathIsNeverRepeated() {
        Problem problem = (Problem) mappers.forbidden(null, uri("/orders/4242.4242.4242.4242")).getEntity();
        assertThat(problem.instance()).isEqualTo("/orders/****4242");
    }

    private static UriInfo uri(String path) {
        return (UriInfo) Proxy.newProxyInstance(UriInfo.class.getClassLoader(), new Class<?>[] {UriInfo.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getPath")) {
                        return path;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
