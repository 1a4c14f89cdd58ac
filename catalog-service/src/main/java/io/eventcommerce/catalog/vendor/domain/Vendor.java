package io.eventcommerce.catalog.vendor.domain;

import io.eventcommerce.servicekit.persistence.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/** A third-party seller. Its products name it, and a {@code vendor} token scopes its holder to them. */
@Entity
@Table(name = "vendor")
public class Vendor extends VersionedEntity {

    @Column(nullable = false, length = 200)
    private String name;

    @Column(nullable = false, length = 254)
    private String email;

    @Column(length = 30)
    private String phone;

    @Column(name = "business_name", length = 200)
    private String businessName;

    @Column(name = "tax_id", length = 50)
    private String taxId;

    @Column(name = "address_line1", length = 200)
    private String addressLine1;

    @Column(name = "address_line2", length = 200)
    private String addressLine2;

    @Column(length = 100)
    private String city;

    @Column(length = 100)
    private String region;

    @Column(name = "postal_code", length = 20)
    private String postalCode;

    @Column(nullable = false, length = 2, columnDefinition = "CHAR(2)")
    private String country;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private VendorStatus status;

    protected Vendor() {
    }

    public Vendor(UUID id, Details details, Instant now) {
        super(id, now);
        apply(details, now);
    }

    /** The editable fields of a vendor, as one value. */
    public record Details(String name, String email, String phone, String businessName, String taxId,
                          String addressLine1, String addressLine2, String city, String region, String postalCode,
                          String country, VendorStatus status) {
    }

    /** E-mail addresses are compared case-insensitively. */
    public static String normalizeEmail(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    public void apply(Details d, Instant now) {
        name = d.name();
        email = normalizeEmail(d.email());
        phone = d.phone();
        businessName = d.businessName();
        taxId = d.taxId();
        addressLine1 = d.addressLine1();
        addressLine2 = d.addressLine2();
        city = d.city();
        region = d.region();
        postalCode = d.postalCode();
        country = d.country();
        status = d.status();
        touch(now);
    }

    public String name() {
        return name;
    }

    public String email() {
        return email;
    }

    public String phone() {
        return phone;
    }

    public String businessName() {
        return businessName;
    }

    public String taxId() {
        return taxId;
    }

    public String addressLine1() {
        return addressLine1;
    }

    public String addressLine2() {
        return addressLine2;
    }

    public String city() {
        return city;
    }

    public String region() {
        return region;
    }

    public String postalCode() {
        return postalCode;
    }

    public String country() {
        return country;
    }

    public VendorStatus status() {
        return status;
    }
}
