package io.eventcommerce.orders.customer.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

@Entity
@Table(name = "customer")
public class Customer {

    @Id
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(length = 36)
    private UUID id;

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

    @Version
    private long version;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Customer() {
    }

    public Customer(UUID id, String email, String firstName, String lastName, Segment segment, String country,
                    Instant now) {
        this.id = id;
        this.email = normalizeEmail(email);
        this.firstName = firstName;
        this.lastName = lastName;
        this.segment = segment;
        this.country = country;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** E-mail addresses are compared case-insensitively. */
    public static String normalizeEmail(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    public UUID id() {
        return id;
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

    public Instant createdAt() {
        return createdAt;
    }
}
