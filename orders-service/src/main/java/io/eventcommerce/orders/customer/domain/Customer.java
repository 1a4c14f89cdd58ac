package io.eventcommerce.orders.customer.domain;

import io.eventcommerce.servicekit.persistence.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

@Entity
@Table(name = "customer")
public class Customer extends VersionedEntity {

    @Column(nullable = false, length = 254)
    private String email;

    @Column(name = "first_name", nullable = false, length = 100)
    private String firstName;

    @Column(name = "last_name", nullable = false, length = 100)
    private String lastName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Segment segment;

    @Column(length = 2, columnDefinition = "CHAR(2)")
    private String country;

    protected Customer() {
    }

    public Customer(UUID id, String email, String firstName, String lastName, Segment segment, String country,
                    Instant now) {
        super(id, now);
        this.email = normalizeEmail(email);
        this.firstName = firstName;
        this.lastName = lastName;
        this.segment = segment;
        this.country = country;
    }

    /**
     * A customer of a previous system, registered at {@code registeredAt} (its creation time here too), imported
     * {@code now}.
     */
    public static Customer imported(UUID id, String email, String firstName, String lastName, Segment segment,
                                    String country, Instant registeredAt, Instant now) {
        Customer customer = new Customer(id, email, firstName, lastName, segment, country, registeredAt);
        customer.touch(now);
        return customer;
    }

    /**
     * Sets what may change of a customer's profile; {@code null} leaves a value as it is. True when something
     * changed (CustomerUpdated is published then).
     */
    public boolean change(String country, Segment segment, Instant now) {
        boolean changed = false;
        if (country != null && !country.equals(this.country)) {
            this.country = country;
            changed = true;
        }
        if (segment != null && segment != this.segment) {
            this.segment = segment;
            changed = true;
        }
        if (changed) {
            touch(now);
        }
        return changed;
    }

    /** E-mail addresses are compared case-insensitively. */
    public static String normalizeEmail(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    public String email() {
        return email;
    }

    public String firstName() {
        return firstName;
    }

    public String lastName() {
        return lastName;
    }

    public Segment segment() {
        return segment;
    }

    public String country() {
        return country;
    }

}
