package io.eventcommerce.catalog;

import io.eventcommerce.catalog.onboarding.domain.VendorUploadRepository;
import io.eventcommerce.catalog.product.domain.ProductOwnership;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The records queries build their results into ({@code select new}, Panache {@code project(...)}): Hibernate calls
 * their constructors reflectively, which a native executable only allows for registered classes.
 * {@code ProjectionReflectionTest} finds the queries in the sources and fails when one's record is not listed here.
 */
@RegisterForReflection(targets = {ProductOwnership.class, VendorUploadRepository.IdOnly.class})
public final class ProjectionReflection {

    private ProjectionReflection() {
    }
}
