package io.eventcommerce.catalog.inventory.service;

import io.eventcommerce.catalog.inventory.domain.OrderOutcomeRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.UUID;

/**
 * Releases stock still RESERVED for orders catalog knows were cancelled (a reservation made while, or after, the
 * order's cancellation was processed: re-driven or replayed messages). Runs every
 * {@code catalog.reservations.reconcile-every} (default 1m); each order is released in its own transaction under
 * the stock rows' locks, re-checked, so several instances may run it. Every release is logged and counted
 * ({@code eventcommerce.stock.reconciled}).
 */
@ApplicationScoped
public class ReservationReconciliation {

    private static final Logger LOG = Logger.getLogger(ReservationReconciliation.class);
    private static final int BATCH = 200;

    private final OrderOutcomeRepository outcomes;
    private final ReservationHandler reservations;
    private final MeterRegistry meters;

    public ReservationReconciliation(OrderOutcomeRepository outcomes, ReservationHandler reservations,
                                     MeterRegistry meters) {
        this.outcomes = outcomes;
        this.reservations = reservations;
        this.meters = meters;
    }

    @Scheduled(every = "${catalog.reservations.reconcile-every:1m}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void reconcile() {
        for (UUID orderId : leftBehind()) {
            try {
                int released = reservations.releaseEnded(orderId);
                if (released > 0) {
                    meters.counter("eventcommerce.stock.reconciled").increment(released);
                    LOG.warnf("Reconciliation: released %d reservations of order %s, which was cancelled", released,
                            orderId);
                }
            } catch (RuntimeException e) {
                LOG.warnf("Reconciliation could not release order %s (will retry): %s", orderId, e.toString());
            }
        }
    }

    @Transactional
    List<UUID> leftBehind() {
        return outcomes.cancelledButHoldingStock(BATCH);
    }
}
