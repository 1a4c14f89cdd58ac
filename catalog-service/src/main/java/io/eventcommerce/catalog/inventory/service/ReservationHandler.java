package io.eventcommerce.catalog.inventory.service;

import io.eventcommerce.catalog.inventory.domain.InventoryMovement;
import io.eventcommerce.catalog.inventory.domain.InventoryMovementRepository;
import io.eventcommerce.catalog.inventory.domain.MovementType;
import io.eventcommerce.catalog.inventory.domain.OrderOutcome;
import io.eventcommerce.catalog.inventory.domain.OrderOutcomeRepository;
import io.eventcommerce.catalog.inventory.domain.StockAllocator;
import io.eventcommerce.catalog.inventory.domain.StockKey;
import io.eventcommerce.catalog.inventory.domain.StockLevel;
import io.eventcommerce.catalog.inventory.domain.StockLevelRepository;
import io.eventcommerce.catalog.inventory.domain.StockReservation;
import io.eventcommerce.catalog.inventory.domain.StockReservationRepository;
import io.eventcommerce.catalog.inventory.domain.Warehouse;
import io.eventcommerce.catalog.inventory.domain.WarehouseRepository;
import io.eventcommerce.events.catalog.StockRejected;
import io.eventcommerce.events.catalog.StockReserved;
import io.eventcommerce.events.orders.OrderCancelled;
import io.eventcommerce.events.orders.OrderPlaced;
import io.eventcommerce.events.orders.OrderReturned;
import io.eventcommerce.events.orders.OrderShipped;
import io.eventcommerce.servicekit.inbox.Inbox;
import io.eventcommerce.servicekit.messaging.EventRoutes;
import io.eventcommerce.servicekit.messaging.IncomingEvent;
import io.eventcommerce.servicekit.outbox.Outbox;
import io.eventcommerce.servicekit.time.Timestamps;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * catalog-service's part of the order saga. {@code OrderPlaced}: reserve every line or nothing, and answer
 * {@code StockReserved} or {@code StockRejected}. {@code OrderCancelled}: release what the order holds.
 * {@code OrderShipped}: the reserved units leave (SHIPMENT in the ledger). {@code OrderReturned} with restock: they
 * come back to the warehouse they left (RETURN in the ledger). Each runs in one transaction with the inbox record,
 * so a redelivery has no second effect. The stock rows are locked (FOR UPDATE,
 * in a fixed order) before availability is read, so of two orders racing for the last unit exactly one gets it.
 * The end of an order (cancelled, shipped, returned) is also recorded ({@link OrderOutcome}): an OrderPlaced that
 * arrives after its order was cancelled (a re-driven message) reserves nothing and gets no answer, and
 * {@link ReservationReconciliation} releases what a cancelled order still holds.
 */
@ApplicationScoped
public class ReservationHandler {

    public static final String CONSUMER = "stock-reservation";
    private static final Logger LOG = Logger.getLogger(ReservationHandler.class);

    private final StockLevelRepository levels;
    private final StockReservationRepository reservations;
    private final WarehouseRepository warehouses;
    private final InventoryMovementRepository movements;
    private final InventoryService inventory;
    private final OrderOutcomeRepository outcomes;
    private final Outbox outbox;
    private final MeterRegistry meters;
    private final EventRoutes routes;

    public ReservationHandler(StockLevelRepository levels, StockReservationRepository reservations,
                              WarehouseRepository warehouses, InventoryMovementRepository movements,
                              InventoryService inventory, OrderOutcomeRepository outcomes, Inbox inbox,
                              Outbox outbox, MeterRegistry meters) {
        this.levels = levels;
        this.reservations = reservations;
        this.warehouses = warehouses;
        this.movements = movements;
        this.inventory = inventory;
        this.outcomes = outcomes;
        this.outbox = outbox;
        this.meters = meters;
        this.routes = EventRoutes.recordedIn(inbox, CONSUMER)
                .on(OrderPlaced.TYPE, this::reserve)
                .on(OrderCancelled.TYPE, this::cancelled)
                .on(OrderShipped.TYPE, this::shipped)
                .on(OrderReturned.TYPE, this::returned)
                .build();
    }

    @Transactional
    public void apply(IncomingEvent event) {
        routes.apply(event);
    }

    private void cancelled(OrderCancelled cancelled) {
        outcomes.record(cancelled.orderId(), OrderOutcome.Outcome.CANCELLED, cancelled.cancelledAt(), Timestamps.now());
        release(cancelled.orderId());
    }

    private void shipped(OrderShipped shipped) {
        outcomes.record(shipped.orderId(), OrderOutcome.Outcome.SHIPPED, shipped.shippedAt(), Timestamps.now());
        ship(shipped.orderId());
    }

    private void returned(OrderReturned returned) {
        outcomes.record(returned.orderId(), OrderOutcome.Outcome.RETURNED, returned.returnedAt(), Timestamps.now());
        if (returned.restock()) {
            restock(returned.orderId());
        }
    }

    private void reserve(OrderPlaced order) {
        if (order.imported()) {
            // Backfilled history: the goods left long ago; nothing to reserve and nobody waiting for an answer.
            LOG.debugf("Imported order %s: no reservation", order.orderId());
            return;
        }
        if (outcomes.cancelled(order.orderId())) {
            // Delivered after its OrderCancelled (a re-driven message): nobody waits for an answer, and stock
            // reserved now would never be released.
            LOG.infof("Order %s was already cancelled; OrderPlaced ignored, nothing reserved", order.orderId());
            meters.counter("eventcommerce.stock.reservations", "outcome", "ignored_cancelled").increment();
            return;
        }
        if (!reservations.forOrder(order.orderId()).isEmpty()) {
            LOG.warnf("Order %s already holds stock; OrderPlaced ignored", order.orderId());
            return;
        }
        List<StockAllocator.Line> lines = order.lines().stream()
                .map(l -> new StockAllocator.Line(l.lineNo(), l.productId(), l.quantity())).toList();
        List<StockLevel> locked = levels.lockForProducts(lines.stream().map(StockAllocator.Line::productId)
                .collect(Collectors.toCollection(java.util.TreeSet::new)));
        Map<UUID, Warehouse> active = warehouses.list("active", true).stream()
                .collect(Collectors.toMap(Warehouse::id, Function.identity()));
        Map<StockKey, StockLevel> byKey = locked.stream()
                .collect(Collectors.toMap(StockLevel::id, Function.identity()));
        List<StockAllocator.Source> sources = locked.stream()
                .filter(l -> active.containsKey(l.id().warehouseId()))
                .map(l -> new StockAllocator.Source(l.id(), l.available(), active.get(l.id().warehouseId()).priority()))
                .toList();
        StockAllocator.Result result = StockAllocator.allocate(lines, sources);
        Instant now = Timestamps.now();
        if (!result.complete()) {
            outbox.publish(new StockRejected(order.orderId(), result.shortages().stream()
                    .map(s -> new StockRejected.Shortage(s.lineNo(), s.productId(), s.requested(), s.available(),
                            s.reason())).toList()));
            meters.counter("eventcommerce.stock.reservations", "outcome", "rejected").increment();
            return;
        }
        for (StockAllocator.Allocation a : result.allocations()) {
            byKey.get(a.key()).reserve(a.quantity(), now);
            reservations.persist(new StockReservation(order.orderId(), a.lineNo(), a.key(), a.quantity(), now));
        }
        levels.flush();
        result.allocations().stream().map(StockAllocator.Allocation::key).distinct()
                .forEach(key -> inventory.published(byKey.get(key), "RESERVATION", order.orderId(), now));
        outbox.publish(new StockReserved(order.orderId(), result.allocations().stream()
                .map(a -> new StockReserved.Allocation(a.lineNo(), a.key().productId(), a.key().warehouseId(),
                        a.quantity())).toList()));
        meters.counter("eventcommerce.stock.reservations", "outcome", "reserved").increment();
    }

    /**
     * Releases what a cancelled order still holds, for the reconciliation; in its own transaction. Returns the
     * number of reservations released.
     */
    @Transactional
    public int releaseEnded(UUID orderId) {
        if (!outcomes.cancelled(orderId)) {
            return 0;
        }
        long held = reservations.forOrder(orderId).stream()
                .filter(r -> r.status() == StockReservation.Status.RESERVED).count();
        release(orderId);
        return (int) held;
    }

    private void release(UUID orderId) {
        settle(orderId, StockReservation.Status.RESERVED, StockReservation.Status.RELEASED, "RELEASE",
                (level, reservation, now) -> level.release(reservation.quantity(), now));
    }

    private void ship(UUID orderId) {
        settle(orderId, StockReservation.Status.RESERVED, StockReservation.Status.SHIPPED, "SHIPMENT",
                (level, reservation, now) -> {
                    level.ship(reservation.quantity(), now);
                    movements.persist(new InventoryMovement(level, MovementType.SHIPMENT, -reservation.quantity(),
                            new InventoryMovement.Reference("ORDER", orderId), null, CONSUMER, now));
                });
    }

    private void restock(UUID orderId) {
        settle(orderId, StockReservation.Status.SHIPPED, StockReservation.Status.RETURNED, "RETURN",
                (level, reservation, now) -> {
                    level.move(MovementType.RETURN, reservation.quantity(), now);
                    movements.persist(new InventoryMovement(level, MovementType.RETURN, reservation.quantity(),
                            new InventoryMovement.Reference("ORDER", orderId), null, CONSUMER, now));
                });
    }

    /** What one settlement does to a locked stock level for one reservation. */
    private interface Settlement {
        void apply(StockLevel level, StockReservation reservation, Instant now);
    }

    /**
     * Moves the order's reservations that are {@code from} to {@code to}, applying {@code settlement} to their stock
     * levels under row locks taken in a fixed order, and publishes the new levels.
     */
    private void settle(UUID orderId, StockReservation.Status from, StockReservation.Status to, String cause,
                        Settlement settlement) {
        List<StockReservation> held = reservations.forOrder(orderId).stream()
                .filter(r -> r.status() == from)
                .sorted(Comparator.comparing((StockReservation r) -> r.stock().productId())
                        .thenComparing(r -> r.stock().warehouseId()))
                .toList();
        if (held.isEmpty()) {
            LOG.debugf("Order %s has no %s reservations; nothing to %s", orderId, from, cause);
            return;
        }
        Map<StockKey, StockLevel> byKey = levels.lockForProducts(held.stream().map(r -> r.stock().productId())
                        .collect(Collectors.toCollection(java.util.TreeSet::new))).stream()
                .collect(Collectors.toMap(StockLevel::id, Function.identity()));
        Instant now = Timestamps.now();
        for (StockReservation reservation : held) {
            settlement.apply(byKey.get(reservation.stock()), reservation, now);
            reservation.close(to, now);
        }
        levels.flush();
        held.stream().map(StockReservation::stock).distinct()
                .forEach(key -> inventory.published(byKey.get(key), cause, orderId, now));
        LOG.debugf("%s: %d reservations of order %s are now %s", cause, held.size(), orderId, to);
    }
}
