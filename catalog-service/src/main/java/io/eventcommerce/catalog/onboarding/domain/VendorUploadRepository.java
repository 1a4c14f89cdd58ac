package io.eventcommerce.catalog.onboarding.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class VendorUploadRepository implements PanacheRepositoryBase<VendorUpload, UUID> {
}
