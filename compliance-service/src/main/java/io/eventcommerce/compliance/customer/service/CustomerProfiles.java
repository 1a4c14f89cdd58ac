package io.eventcommerce.compliance.customer.service;

import io.eventcommerce.events.orders.CustomerConsentChanged;
import io.eventcommerce.events.orders.CustomerRegistered;
import io.eventcommerce.events.orders.CustomerUpdated;
import io.eventcommerce.servicekit.inbox.Inbox;
import io.eventcommerce.servicekit.messaging.EventRoutes;
import io.eventcommerce.servicekit.messaging.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/**
 * Keeps {@code customer_profile} from orders.customer: country, segment and registration time (no name, e-mail or
 * address travels there). A change older than the one held is ignored: orders-service publishes a customer's events
 * in order on one partition, but a compacted topic read from the start, or a redelivery, may bring an older one.
 * The customers' consents on the same topic go to {@link CustomerConsents}, under the same rule.
 */
@ApplicationScoped
public class CustomerProfiles {

    public static final String CONSUMER = "customer-profiles";

    private final EntityManager em;
    private final EventRoutes routes;

    public CustomerProfiles(EntityManager em, Inbox inbox, CustomerConsents consents) {
        this.em = em;
        this.routes = EventRoutes.recordedIn(inbox, CONSUMER)
                .on(CustomerRegistered.TYPE, (CustomerRegistered c) -> keep(c.customerId(), c.country(), c.segment(),
                        c.registeredAt(), c.registeredAt()))
                .on(CustomerUpdated.TYPE, (CustomerUpdated c) -> keep(c.customerId(), c.country(), c.segment(), null,
                        c.updatedAt()))
                .on(CustomerConsentChanged.TYPE, consents::keep)
                .build();
    }

    @Transactional
    public void apply(IncomingEvent event) {
        routes.apply(event);
    }

    /** Inserts or updates the profile in one statement (MySQL 8.4 and MariaDB 11.4 alike). */
    private void keep(UUID customerId, String country, String segment, Instant registeredAt, Instant changedAt) {
        em.createNativeQuery("""
                        INSERT INTO customer_profile (customer_id, country, segment, registered_at, updated_at)
                        VALUES (?1, ?2, ?3, ?4, ?5)
                        ON DUPLICATE KEY UPDATE
                            country = CASE WHEN updated_at <= ?5 THEN ?2 ELSE country END,
                            segment = CASE WHEN updated_at <= ?5 THEN ?3 ELSE segment END,
                            registered_at = COALESCE(?4, registered_at),
                            updated_at = GREATEST(updated_at, ?5)""")
                .setParameter(1, customerId.toString()).setParameter(2, country).setParameter(3, segment)
                .setParameter(4, registeredAt == null ? null : Timestamp.from(registeredAt))
                .setParameter(5, Timestamp.from(changedAt)).executeUpdate();
    }
}
