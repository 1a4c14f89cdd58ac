package io.eventcommerce.catalog.inventory.service;

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
import io.eventcommerce.servicekit.inbox.Inbox;
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
 * {@code StockReserved} or {@code StockRejected}. {@code OrderCancelled}: release what the order holds. Both run in
 * one transaction with the inbox record, so a redelivery has no second effect. The stock rows are locked (FOR UPDATE,
 * in a fixed order) before availability is read, so of two orders racing for the last unit exactly one gets it.
 */
@ApplicationScoped
public class ReservationHandler {

    public static final String CONSUMER = "stock-reservation";
    private static final Logger LOG = Logger.getLogger(ReservationHandler.class);

    private final StockLevelRepository levels;
    private final StockReservationRepository reservations;
    private final WarehouseRepository warehouses;
    private final InventoryService inventory;
    private final Inbox inbox;
    private final Outbox outbox;
    private final MeterRegistry meters;

    public ReservationHandler(StockLevelRepository levels, StockReservationRepository reservations,
                              WarehouseRepository warehouses, InventoryService inventory, Inbox inbox, Outbox outbox,
                              MeterRegistry meters) {
        this.levels = levels;
        this.reservations = reservations;
        this.warehouses = warehouses;
        this.inventory = inventory;
        this.inbox = inbox;
        this.outbox = outbox;
        this.meters = meters;
    }

    @Transactional
    public void apply(IncomingEvent event) {
        boolean placed = event.is(OrderPlaced.TYPE);
        if (!placed && !event.is(OrderCancelled.TYPE)) {
            return;
        }
        if (!inbox.firstDelivery(CONSUMER, event.eventId(), event.type())) {
            LOG.debugf("Already applied %s", event);
            return;
        }
        if (placed) {
            reserve(event.data(OrderPlaced.TYPE));
        } else {
            release(event.data(OrderCancelled.TYPE).orderId());
        }
    }

    private void reserve(OrderPlaced order) {
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

    private void release(UUID orderId) {
        List<StockReservation> held = reservations.forOrder(orderId).stream()
                .filter(r -> r.status() == StockReservation.Status.RESERVED)
                .sorted(Comparator.comparing((StockReservation r) -> r.stock().productId())
                        .thenComparing(r -> r.stock().warehouseId()))
                .toList();
        if (held.isEmpty()) {
            return;
        }
        Map<StockKey, StockLevel> byKey = levels.lockForProducts(held.stream().map(r -> r.stock().productId())
                        .collect(Collectors.toCollection(java.util.TreeSet::new))).stream()
                .collect(Collectors.toMap(StockLevel::id, Function.identity()));
        Instant now = Timestamps.now();
        for (StockReservation reservation : held) {
            byKey.get(reservation.stock()).release(reservation.quantity(), now);
            reservation.close(StockReservation.Status.RELEASED, now);
        }
        levels.flush();
        held.stream().map(StockReservation::stock).distinct()
                .forEach(key -> inventory.published(byKey.get(key), "RELEASE", orderId, now));
        LOG.debugf("Released %d reservations of cancelled order %s", held.size(), orderId);
    }
}
