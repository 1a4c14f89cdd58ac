package io.eventcommerce.catalog.onboarding.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class UploadErrorRepository implements PanacheRepositoryBase<UploadError, UploadErrorKey> {
}
