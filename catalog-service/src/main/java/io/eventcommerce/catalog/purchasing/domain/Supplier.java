package io.eventcommerce.catalog.purchasing.domain;

import io.eventcommerce.servicekit.persistence.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/** A company the platform buys stock from, through purchase orders. */
@Entity
@Table(name = "supplier")
public class Supplier extends VersionedEntity {

    @Column(nullable = false, length = 200)
    private String name;

    @Column(nullable = false, length = 254)
    private String email;

    @Column(nullable = false, length = 2, columnDefinition = "CHAR(2)")
    private String country;

    @Column(name = "lead_time_days", nullable = false)
    private int leadTimeDays;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private SupplierStatus status;

    protected Supplier() {
    }

    public Supplier(UUID id, Details details, Instant now) {
        super(id, now);
        apply(details, now);
    }

    /** The editable fields of a supplier, as one value. */
    public record Details(String name, String email, String country, int leadTimeDays, SupplierStatus status) {
    }

    /** E-mail addresses are compared case-insensitively. */
    public static String normalizeEmail(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    public void apply(Details d, Instant now) {
        name = d.name();
        email = normalizeEmail(d.email());
        country = d.country();
        leadTimeDays = d.leadTimeDays();
        status = d.status();
        touch(now);
    }

    public String name() {
        return name;
    }

    public String email() {
        return email;
    }

    public String country() {
        return country;
    }

    public int leadTimeDays() {
        return leadTimeDays;
    }

    public SupplierStatus status() {
        return status;
    }
}
