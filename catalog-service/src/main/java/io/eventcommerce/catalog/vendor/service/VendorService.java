package io.eventcommerce.catalog.vendor.service;

import io.eventcommerce.catalog.vendor.domain.Vendor;
import io.eventcommerce.catalog.vendor.domain.VendorRepository;
import io.eventcommerce.catalog.vendor.domain.VendorStatus;
import io.eventcommerce.servicekit.problem.DomainException;
import io.eventcommerce.servicekit.rest.Page;
import io.eventcommerce.servicekit.time.Timestamps;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.UUID;

@ApplicationScoped
public class VendorService {

    private final VendorRepository vendors;

    public VendorService(VendorRepository vendors) {
        this.vendors = vendors;
    }

    /** 409 if another vendor has the e-mail address (compared case-insensitively). */
    @Transactional
    public Vendor create(Vendor.Details details) {
        requireFreeEmail(details.email(), null);
        Vendor vendor = new Vendor(UUID.randomUUID(), details, Timestamps.now());
        vendors.persistAndFlush(vendor);
        return vendor;
    }

    /** Replaces the editable fields. Suspending a vendor stops its uploads; its products stay as they are. */
    @Transactional
    public Vendor update(UUID id, Vendor.Details details) {
        Vendor vendor = get(id);
        requireFreeEmail(details.email(), id);
        vendor.apply(details, Timestamps.now());
        vendors.flush();
        return vendor;
    }

    public Vendor get(UUID id) {
        return vendors.findByIdOptional(id).orElseThrow(() -> DomainException.notFound("Vendor", id));
    }

    public Page<Vendor> list(VendorStatus status, int page, int size) {
        var query = status == null ? vendors.findAll(Sort.by("name").and("id"))
                : vendors.find("status", Sort.by("name").and("id"), status);
        return Page.of(query.page(page, size).list(), page, size, query.count());
    }

    private void requireFreeEmail(String email, UUID except) {
        if (vendors.emailTaken(Vendor.normalizeEmail(email), except)) {
            throw DomainException.conflict("A vendor with e-mail '" + Vendor.normalizeEmail(email)
                    + "' already exists");
        }
    }
}
