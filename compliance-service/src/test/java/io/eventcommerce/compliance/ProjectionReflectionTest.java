package io.eventcommerce.compliance;

import io.eventcommerce.testkit.ProjectionQueries;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * compliance-service builds no query results into records today. The first {@code select new} or Panache
 * {@code project(...)} fails this test: its record then needs a {@code @RegisterForReflection} class (as
 * catalog-service's ProjectionReflection) or the query would fail in a native executable.
 */
class ProjectionReflectionTest {

    @Test
    void noQueryBuildsItsResultsIntoAnUnregisteredRecord() {
        assertThat(ProjectionQueries.in(Path.of("src/main/java")))
                .as("records used as query results; register them for reflection and extend this test").isEmpty();
    }
}
