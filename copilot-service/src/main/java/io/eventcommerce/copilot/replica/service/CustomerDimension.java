package io.eventcommerce.copilot.replica.service;

import io.eventcommerce.analytics.geo.Regions;
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
 * orders.customer into {@code dim_customer}, each event once; the latest change wins (the events carry no version,
 * so their times order them). Orders placed before their customer arrived here (another topic) take the customer's
 * segment then; orders placed after it carry the segment it had at placing.
 */
@ApplicationScoped
public class CustomerDimension {

    public static final String CONSUMER = "copilot-customers";

    private final EntityManager em;
    private final EventRoutes routes;

    public CustomerDimension(EntityManager em, Inbox inbox) {
        this.em = em;
        this.routes = EventRoutes.recordedIn(inbox, CONSUMER)
                .on(CustomerRegistered.TYPE, (CustomerRegistered c) ->
                        keep(c.customerId(), c.country(), c.segment(), c.registeredAt(), c.registeredAt()))
                .on(CustomerUpdated.TYPE, (CustomerUpdated c) ->
                        keep(c.customerId(), c.country(), c.segment(), null, c.updatedAt()))
                .build();
    }

    @Transactional
    public void apply(IncomingEvent event) {
        routes.apply(event);
    }

    private void keep(UUID customerId, String country, String segment, Instant registeredAt, Instant at) {
        String id = customerId.toString();
        Timestamp registered = registeredAt == null ? null : Timestamp.from(registeredAt);
        int updated = em.createNativeQuery("""
                        UPDATE dim_customer SET country = ?2, region = ?3, segment = ?4,
                            registered_at = COALESCE(?5, registered_at), updated_at = ?6
                        WHERE customer_id = ?1 AND updated_at <= ?6""")
                .setParameter(1, id).setParameter(2, country).setParameter(3, Regions.of(country))
                .setParameter(4, segment).setParameter(5, registered).setParameter(6, Timestamp.from(at))
                .executeUpdate();
        if (updated == 0) {
            em.createNativeQuery("""
                            INSERT IGNORE INTO dim_customer (customer_id, country, region, segment, registered_at,
                                first_order_day, updated_at)
                            SELECT ?1, ?2, ?3, ?4, ?5, (SELECT MIN(day) FROM fact_order WHERE customer_id = ?1), ?6""")
                    .setParameter(1, id).setParameter(2, country).setParameter(3, Regions.of(country))
                    .setParameter(4, segment).setParameter(5, registered).setParameter(6, Timestamp.from(at))
                    .executeUpdate();
        }
        fillSegments(id);
    }

    /**
     * The customer's orders and lines placed before the customer was known here take the segment {@code
     * dim_customer} holds; also what {@link ReplicaRepair} calls for orders that crossed their customer in flight.
     */
    public void fillSegments(String customerId) {
        for (String table : new String[] {"fact_order", "fact_order_line"}) {
            em.createNativeQuery("UPDATE " + table + " t JOIN dim_customer c ON c.customer_id = t.customer_id "
                            + "SET t.segment = c.segment WHERE t.customer_id = ?1 AND t.segment IS NULL")
                    .setParameter(1, customerId).executeUpdate();
        }
    }

    /** The day of the customer's first order, where {@code dim_customer} has none yet ({@link ReplicaRepair}). */
    public void fillFirstOrderDay(String customerId) {
        em.createNativeQuery("""
                        UPDATE dim_customer SET first_order_day =
                            (SELECT MIN(o.day) FROM fact_order o WHERE o.customer_id = ?1)
                        WHERE customer_id = ?1 AND first_order_day IS NULL""")
                .setParameter(1, customerId).executeUpdate();
    }
}
