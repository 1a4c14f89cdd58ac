package io.eventcommerce.catalog.purchasing.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class SupplierRepository implements PanacheRepositoryBase<Supplier, UUID> {

    /** Whether another supplier than {@code except} (null: any) has this (normalized) e-mail address. */
    public boolean emailTaken(String email, UUID except) {
        return except == null ? count("email", email) > 0 : count("email = ?1 and id <> ?2", email, except) > 0;
    }
}
