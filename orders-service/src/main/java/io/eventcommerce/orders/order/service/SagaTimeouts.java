package io.eventcommerce.orders.order.service;

import io.eventcommerce.orders.order.domain.CancelReason;
import io.eventcommerce.orders.order.domain.Order;
import io.eventcommerce.orders.order.domain.OrderRepository;
import io.eventcommerce.orders.order.domain.OrderStatus;
import io.eventcommerce.servicekit.time.Timestamps;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Nothing waits forever: an order still PENDING or ON_HOLD after its saga deadline is cancelled with reason
 * TIMEOUT, and its OrderCancelled makes catalog-service release whatever it reserved. Each order is cancelled in its
 * own transaction under a row lock, re-checked, so a late answer and the timeout cannot both win; several instances
 * may run this at once.
 */
@ApplicationScoped
public class SagaTimeouts {

    private static final Logger LOG = Logger.getLogger(SagaTimeouts.class);
    private static final int BATCH = 200;

    private final OrderRepository orders;
    private final OrderEvents events;

    public SagaTimeouts(OrderRepository orders, OrderEvents events) {
        this.orders = orders;
        this.events = events;
    }

    @Scheduled(every = "${orders.saga.timeout-check-every:5s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void cancelOverdue() {
        List<UUID> overdue = overdue(Timestamps.now());
        int cancelled = 0;
        for (UUID id : overdue) {
            try {
                if (cancelIfOverdue(id)) {
                    cancelled++;
                }
            } catch (RuntimeException e) {
                LOG.warnf("Could not time out order %s (will retry): %s", id, e.toString());
            }
        }
        if (cancelled > 0) {
            LOG.infof("Cancelled %d orders whose saga timed out", cancelled);
        }
    }

    @Transactional
    List<UUID> overdue(Instant now) {
        return orders.find("status in ?1 and sagaDeadline < ?2",
                        List.of(OrderStatus.PENDING, OrderStatus.ON_HOLD), now)
                .page(0, BATCH).stream().map(Order::id).toList();
    }

    @Transactional
    boolean cancelIfOverdue(UUID id) {
        Order order = orders.lock(id).orElse(null);
        Instant now = Timestamps.now();
        if (order == null || !order.status().awaitsSaga() || order.sagaDeadline() == null
                || !order.sagaDeadline().isBefore(now)) {
            return false;
        }
        OrderStatus previous = order.status();
        order.cancel(CancelReason.TIMEOUT, previous == OrderStatus.ON_HOLD
                ? "The fraud review was not decided in time"
                : "Not every answer arrived in time (stock " + order.stockAnswer() + ", fraud "
                + (order.fraudDecision() == null ? "none" : order.fraudDecision()) + ")", now);
        orders.flush();
        events.moved(order, previous, now);
        return true;
    }
}
