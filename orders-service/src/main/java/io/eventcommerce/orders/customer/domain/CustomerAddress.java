package io.eventcommerce.orders.customer.domain;

import io.eventcommerce.orders.order.domain.PostalAddress;
import io.eventcommerce.servicekit.persistence.VersionedEntity;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** An entry of a customer's address book; at most one is the default for shipping and one for billing. */
@Entity
@Table(name = "customer_address")
public class CustomerAddress extends VersionedEntity {

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "customer_id", nullable = false, length = 36, updatable = false)
    private UUID customerId;

    @Column(length = 50)
    private String label;

    @Embedded
    @AttributeOverride(name = "postalCode", column = @Column(name = "postal_code", length = 20))
    private PostalAddress address;

    @Column(name = "default_shipping", nullable = false)
    private boolean defaultShipping;

    @Column(name = "default_billing", nullable = false)
    private boolean defaultBilling;

    protected CustomerAddress() {
    }

    public CustomerAddress(UUID id, UUID customerId, Instant now) {
        super(id, now);
        this.customerId = customerId;
    }

    public void set(String label, PostalAddress address, boolean defaultShipping, boolean defaultBilling,
                    Instant now) {
        this.label = label;
        this.address = address;
        this.defaultShipping = defaultShipping;
        this.defaultBilling = defaultBilling;
        touch(now);
    }

    /** Another entry became the default: this one no longer is. */
    public void clearDefaults(boolean shipping, boolean billing, Instant now) {
        if ((shipping && defaultShipping) || (billing && defaultBilling)) {
            defaultShipping = defaultShipping && !shipping;
            defaultBilling = defaultBilling && !billing;
            touch(now);
        }
    }

    public UUID customerId() {
        return customerId;
    }

    public String label() {
        return label;
    }

    public PostalAddress address() {
        return address;
    }

    public boolean defaultShipping() {
        return defaultShipping;
    }

    public boolean defaultBilling() {
        return defaultBilling;
    }
}
