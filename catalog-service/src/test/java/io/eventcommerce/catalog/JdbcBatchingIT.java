package io.eventcommerce.catalog;

import io.eventcommerce.catalog.category.domain.Category;
import io.eventcommerce.testkit.Database;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static io.eventcommerce.catalog.CatalogFixtures.createCategory;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * JDBC batching (service-kit's shared configuration) must not weaken optimistic locking: with
 * {@code rewriteBatchedStatements}, Connector/J sends a batch of more than three UPDATEs as one multi-statement and
 * must still report each statement's row count, or Hibernate could not see that one version-checked UPDATE matched
 * no row (it skips the check for a count it is not told).
 */
@QuarkusTest
class JdbcBatchingIT {

    private static final Database CATALOG = Database.of("catalog");
    private static final int ROWS = 6;

    @Inject
    EntityManager entityManager;

    @Test
    void batchingIsOnForEveryService() {
        var config = ConfigProvider.getConfig();
        assertThat(config.getValue("quarkus.hibernate-orm.jdbc.statement-batch-size", Integer.class))
                .isGreaterThan(1);
        assertThat(config.getValue("quarkus.datasource.jdbc.additional-jdbc-properties.rewriteBatchedStatements",
                Boolean.class)).isTrue();
    }

    @Test
    void aStaleRowInABatchOfVersionedUpdatesFailsTheWholeTransaction() {
        List<UUID> ids = IntStream.range(0, ROWS).mapToObj(i -> UUID.fromString(createCategory())).toList();
        List<Object> namesBefore = names(ids);

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            for (UUID id : ids) {
                Category category = entityManager.find(Category.class, id);
                category.change(category.name() + " renamed", category.parentId(), Instant.now());
            }
            // Another writer commits a change of one of them before this transaction flushes its batch.
            assertThat(CATALOG.update("UPDATE category SET version = version + 1 WHERE id = ?",
                    ids.get(ROWS / 2).toString())).isEqualTo(1);
        })).satisfies(e -> assertThat(stackTrace(e)).containsAnyOf("OptimisticLock", "StaleState", "StaleObjectState"));

        assertThat(names(ids)).isEqualTo(namesBefore);
    }

    private static String stackTrace(Throwable e) {
        var text = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(text));
        return text.toString();
    }

    private static List<Object> names(List<UUID> ids) {
        return ids.stream().map(id -> CATALOG.query("SELECT name FROM category WHERE id = ?", id.toString())
                .get(0).get("name")).toList();
    }
}
