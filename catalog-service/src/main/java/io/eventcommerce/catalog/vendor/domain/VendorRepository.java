package io.eventcommerce.catalog.vendor.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class VendorRepository implements PanacheRepositoryBase<Vendor, UUID> {

    /** Whether another vendor than {@code except} (null: any) has this (normalized) e-mail address. */
    public boolean emailTaken(String email, UUID except) {
        return except == null ? count("email", email) > 0 : count("email = ?1 and id <> ?2", email, except) > 0;
    }

    public boolean exists(UUID id) {
        return count("id", id) > 0;
    }
}
