package io.eventcommerce.compliance;

import io.eventcommerce.compliance.fraud.model.ModelReflection;
import io.eventcommerce.servicekit.nativeimage.ContractReflection;
import io.eventcommerce.testkit.NativeSources;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs with {@code -Pnative-sources} only (the default build excludes it; docs/native.md): the reflection configuration Quarkus generated for
 * native-image registers every record of the platform's reflection registrations, so Jackson and Hibernate can use
 * them in the native executable.
 */
class NativeSourcesIT {

    @Test
    void theGeneratedReflectionConfigurationRegistersTheEventsProblemsAndProjections() {
        NativeSources sources = NativeSources.in(Path.of(System.getProperty("native.sources",
                "target/native-sources")));

        assertThat(sources.missing(ContractReflection.class))
                .as("registered for reflection in the code but not in the native image's reflect-config.json")
                .isEmpty();
        assertThat(sources.missing(ModelReflection.class))
                .as("the fraud model's stored records, registered in the code but not in reflect-config.json")
                .isEmpty();
    }
}
