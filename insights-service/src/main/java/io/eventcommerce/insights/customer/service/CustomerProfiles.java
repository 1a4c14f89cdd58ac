package io.eventcommerce.insights.customer.service;

import io.eventcommerce.events.orders.CustomerRegistered;
import io.eventcommerce.events.orders.CustomerUpdated;
import io.eventcommerce.insights.rebuild.service.ReadModelGuard;
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
 * Keeps the profile part of {@code customer_summary} from orders.customer: country, segment, registration time. The
 * order part comes from orders.order (SalesFacts), possibly first: the row is created by whichever arrives first.
 * A change older than the one held is ignored (a compacted topic read again, a redelivery).
 */
@ApplicationScoped
public class CustomerProfiles {

    public static final String CONSUMER = "insights-customers";

    private final EntityManager em;
    private final ReadModelGuard guard;
    private final EventRoutes routes;

    public CustomerProfiles(EntityManager em, Inbox inbox, ReadModelGuard guard) {
        this.guard = guard;
        this.em = em;
        this.routes = EventRoutes.recordedIn(inbox, CONSUMER)
                .on(CustomerRegistered.TYPE, (CustomerRegistered c) -> keep(c.customerId(), c.country(),
                        c.segment(), c.registeredAt(), c.registeredAt()))
                .on(CustomerUpdated.TYPE, (CustomerUpdated c) -> keep(c.customerId(), c.country(), c.segment(),
                        null, c.updatedAt()))
                .build();
    }

    @Transactional
    public void apply(IncomingEvent event) {
        guard.admit();
        routes.apply(event);
    }

    /** One statement on MySQL 8.4 and MariaDB 11.4 alike; the guard column is assigned last. */
    private void keep(UUID customerId, String country, String segment, Instant registeredAt, Instant changedAt) {
        em.createNativeQuery("""
                        INSERT INTO customer_summary (customer_id, country, segment, registered_at, profile_updated_at,
                            orders, revenue)
                        VALUES (?1, ?2, ?3, ?4, ?5, 0, 0)
                        ON DUPLICATE KEY UPDATE
                            country = CASE WHEN COALESCE(profile_updated_at <= ?5, TRUE) THEN ?2 ELSE country END,
                            segment = CASE WHEN COALESCE(profile_updated_at <= ?5, TRUE) THEN ?3 ELSE segment END,
                            registered_at = COALESCE(?4, registered_at),
                            profile_updated_at = GREATEST(COALESCE(profile_updated_at, ?5), ?5)""")
                .setParameter(1, customerId.toString()).setParameter(2, country).setParameter(3, segment)
                .setParameter(4, registeredAt == null ? null : Timestamp.from(registeredAt))
                .setParameter(5, Timestamp.from(changedAt)).executeUpdate();
    }
}
