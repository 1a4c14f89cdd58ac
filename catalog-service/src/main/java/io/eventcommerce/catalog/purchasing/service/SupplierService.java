package io.eventcommerce.catalog.purchasing.service;

import io.eventcommerce.catalog.purchasing.domain.Supplier;
import io.eventcommerce.catalog.purchasing.domain.SupplierRepository;
import io.eventcommerce.catalog.purchasing.domain.SupplierStatus;
import io.eventcommerce.servicekit.problem.DomainException;
import io.eventcommerce.servicekit.rest.Page;
import io.eventcommerce.servicekit.time.Timestamps;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.UUID;

@ApplicationScoped
public class SupplierService {

    private final SupplierRepository suppliers;

    public SupplierService(SupplierRepository suppliers) {
        this.suppliers = suppliers;
    }

    /** 409 if another supplier has the e-mail address (compared case-insensitively). */
    @Transactional
    public Supplier create(Supplier.Details details) {
        requireFreeEmail(details.email(), null);
        Supplier supplier = new Supplier(UUID.randomUUID(), details, Timestamps.now());
        suppliers.persistAndFlush(supplier);
        return supplier;
    }

    /** Replaces the editable fields. An INACTIVE supplier's purchase orders go on; no new one can be submitted. */
    @Transactional
    public Supplier update(UUID id, Supplier.Details details) {
        Supplier supplier = get(id);
        requireFreeEmail(details.email(), id);
        supplier.apply(details, Timestamps.now());
        suppliers.flush();
        return supplier;
    }

    public Supplier get(UUID id) {
        return suppliers.findByIdOptional(id).orElseThrow(() -> DomainException.notFound("Supplier", id));
    }

    public Page<Supplier> list(SupplierStatus status, int page, int size) {
        var query = status == null ? suppliers.findAll(Sort.by("name").and("id"))
                : suppliers.find("status", Sort.by("name").and("id"), status);
        return Page.of(query.page(page, size).list(), page, size, query.count());
    }

    private void requireFreeEmail(String email, UUID except) {
        if (suppliers.emailTaken(Supplier.normalizeEmail(email), except)) {
            throw DomainException.conflict("A supplier with e-mail '" + Supplier.normalizeEmail(email)
                    + "' already exists");
        }
    }
}
