package io.eventcommerce.catalog;

import io.eventcommerce.testkit.ProjectionQueries;
import io.quarkus.runtime.annotations.RegisterForReflection;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Every record a query builds its results into is registered for reflection, so the query also runs native. */
class ProjectionReflectionTest {

    @Test
    void everyProjectionOfTheSourcesIsRegistered() {
        Set<String> used = ProjectionQueries.in(Path.of("src/main/java"));

        assertThat(used).as("the scan still finds the known projections").contains("ProductOwnership", "IdOnly");
        assertThat(ProjectionQueries.unregistered(used, ProjectionReflection.class))
                .as("records used as query results but missing from ProjectionReflection").isEmpty();
        assertThat(Arrays.stream(ProjectionReflection.class.getAnnotation(RegisterForReflection.class).targets())
                .map(Class::getSimpleName).collect(Collectors.toSet()))
                .as("registered but no longer used by a query").isSubsetOf(used);
    }

    @Test
    void aProjectionMissingFromTheRegistrationIsNamed() {
        assertThat(ProjectionQueries.unregistered(Set.of("ProductOwnership", "IdOnly", "SkuCount"),
                ProjectionReflection.class)).containsExactly("SkuCount");
    }
}
