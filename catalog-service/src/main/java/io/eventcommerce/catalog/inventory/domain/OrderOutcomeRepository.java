package io.eventcommerce.catalog.inventory.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class OrderOutcomeRepository implements PanacheRepositoryBase<OrderOutcome, UUID> {

    public boolean cancelled(UUID orderId) {
        return findByIdOptional(orderId).map(o -> o.outcome() == OrderOutcome.Outcome.CANCELLED).orElse(false);
    }

    public void record(UUID orderId, OrderOutcome.Outcome outcome, Instant occurredAt, Instant now) {
        findByIdOptional(orderId).ifPresentOrElse(known -> known.then(outcome, occurredAt, now),
                () -> persist(new OrderOutcome(orderId, outcome, occurredAt, now)));
    }

    /** Orders that still hold RESERVED stock although catalog knows they were cancelled. */
    public List<UUID> cancelledButHoldingStock(int limit) {
        return getEntityManager().createQuery("""
                        select distinct r.id.orderId from StockReservation r, OrderOutcome o
                        where o.orderId = r.id.orderId and o.outcome = :cancelled and r.status = :reserved""",
                        UUID.class)
                .setParameter("cancelled", OrderOutcome.Outcome.CANCELLED)
                .setParameter("reserved", StockReservation.Status.RESERVED)
                .setMaxResults(limit)
                .getResultList();
    }
}
