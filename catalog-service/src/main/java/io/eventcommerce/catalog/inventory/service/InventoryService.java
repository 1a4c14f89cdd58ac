package io.eventcommerce.catalog.inventory.service;

import io.eventcommerce.catalog.inventory.domain.InventoryException;
import io.eventcommerce.catalog.inventory.domain.InventoryMovement;
import io.eventcommerce.catalog.inventory.domain.InventoryMovementRepository;
import io.eventcommerce.catalog.inventory.domain.MovementType;
import io.eventcommerce.catalog.inventory.domain.StockKey;
import io.eventcommerce.catalog.inventory.domain.StockLevel;
import io.eventcommerce.catalog.inventory.domain.StockLevelRepository;
import io.eventcommerce.catalog.inventory.domain.WarehouseRepository;
import io.eventcommerce.catalog.product.domain.ProductRepository;
import io.eventcommerce.events.catalog.StockLevelChanged;
import io.eventcommerce.servicekit.outbox.Outbox;
import io.eventcommerce.servicekit.problem.DomainException;
import io.eventcommerce.servicekit.rest.Page;
import io.eventcommerce.servicekit.time.Timestamps;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The stock ledger: every change to on-hand goes through {@link #move}, which changes the level and appends the
 * movement in one transaction, so the movements of a pair always sum to its on-hand. Every change of a level is
 * published as {@code StockLevelChanged}.
 */
@ApplicationScoped
public class InventoryService {

    /** A product kept without planning parameters yet: a catalog manager sets them. */
    private static final StockLevel.Thresholds NO_THRESHOLDS = new StockLevel.Thresholds(0, 0, 0, 0);

    private final StockLevelRepository levels;
    private final InventoryMovementRepository movements;
    private final WarehouseRepository warehouses;
    private final ProductRepository products;
    private final Outbox outbox;

    public InventoryService(StockLevelRepository levels, InventoryMovementRepository movements,
                            WarehouseRepository warehouses, ProductRepository products, Outbox outbox) {
        this.levels = levels;
        this.movements = movements;
        this.warehouses = warehouses;
        this.products = products;
        this.outbox = outbox;
    }

    /** Starts keeping a product in a warehouse, or changes its planning parameters. */
    @Transactional
    public StockLevel setThresholds(StockKey key, StockLevel.Thresholds thresholds) {
        requireExists(key);
        Instant now = Timestamps.now();
        StockLevel level = levels.lock(key).orElse(null);
        if (level == null) {
            level = new StockLevel(key, thresholds, now);
            levels.persist(level);
        } else {
            level.setThresholds(thresholds, now);
        }
        levels.flush();
        published(level, "THRESHOLDS", null, now);
        return level;
    }

    /** Records a movement of on-hand stock; 409 if it would break an invariant (negative, below reserved). */
    @Transactional
    public InventoryMovement move(StockKey key, MovementType type, int quantity, InventoryMovement.Reference reference,
                                  String note, String actor) {
        StockLevel level = levels.lock(key).orElseThrow(() -> DomainException.notFound("Stock of product "
                + key.productId() + " in warehouse", key.warehouseId()));
        Instant now = Timestamps.now();
        level.move(type, quantity, now);
        InventoryMovement movement = new InventoryMovement(level, type, quantity, reference, note, actor, now);
        movements.persist(movement);
        levels.flush();
        published(level, type.name(), reference == null ? null : reference.id(), now);
        return movement;
    }

    /** A figure counted on hand for a product in a warehouse; {@code note} goes to its ledger line. */
    public record Count(UUID productId, int onHand, String note) {
    }

    /**
     * Sets on-hand to counted figures (a vendor's stock list, a stock take) in one warehouse, in the caller's
     * transaction: for each, an {@code ADJUSTMENT} of the difference in the ledger and a {@code StockLevelChanged};
     * nothing for a figure already on hand. A product not yet kept in the warehouse starts being kept, as
     * {@link #openAll} does. The rows are locked in product order in one statement, and everything is written in
     * bulk: batched updates of the levels, one insert of the ledger lines, one of the events.
     *
     * @return the counts refused, by product, with why: a figure below what open orders have reserved in the
     *         warehouse. They changed nothing, and the caller's transaction remains usable
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<UUID, String> countAll(UUID warehouseId, List<Count> counts, InventoryMovement.Reference reference,
                                      String actor) {
        Instant now = Timestamps.now();
        Map<UUID, StockLevel> kept = new HashMap<>();
        levels.lockInWarehouse(warehouseId, counts.stream().map(Count::productId).toList())
                .forEach(level -> kept.put(level.id().productId(), level));
        Map<UUID, String> refused = new LinkedHashMap<>();
        List<Opening> openings = new ArrayList<>();
        List<StockLevel> changed = new ArrayList<>();
        List<InventoryMovement> lines = new ArrayList<>();
        for (Count count : counts) {
            StockLevel level = kept.get(count.productId());
            if (level == null) {
                openings.add(new Opening(new StockKey(warehouseId, count.productId()), count.onHand(), count.note()));
                continue;
            }
            int difference = count.onHand() - level.onHand();
            if (difference == 0) {
                continue;
            }
            try {
                level.move(MovementType.ADJUSTMENT, difference, now);
            } catch (InventoryException e) {
                refused.put(count.productId(), e.getMessage());
                continue;
            }
            lines.add(new InventoryMovement(level, MovementType.ADJUSTMENT, difference, reference, count.note(), actor,
                    now));
            changed.add(level);
        }
        levels.flush(); // the new versions, for the events
        movements.appendAll(lines);
        UUID referenceId = reference == null ? null : reference.id();
        outbox.publishAll(changed.stream().map(level -> changed(level, MovementType.ADJUSTMENT.name(), referenceId,
                now)).toList());
        openAll(openings, reference, actor);
        return refused;
    }

    /**
     * Books goods that arrived (a purchase order receipt) as a {@code RECEIPT} in the ledger, in the caller's
     * transaction. A product not yet kept in the warehouse starts being kept, as {@link #openAll} does, with nothing
     * on hand until this receipt.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public InventoryMovement receive(StockKey key, int quantity, InventoryMovement.Reference reference, String note,
                                     String actor) {
        if (levels.lock(key).isEmpty()) {
            openAll(List.of(new Opening(key, 0, note)), reference, actor);
        }
        return move(key, MovementType.RECEIPT, quantity, reference, note, actor);
    }

    /** A pair to start keeping, with the figure counted on hand; {@code note} goes to its ledger line. */
    public record Opening(StockKey key, int onHand, String note) {
    }

    /**
     * Starts keeping products in warehouses, in the caller's transaction: each pair with zero planning thresholds
     * (a catalog manager sets them) and its figure on hand, booked as one {@code ADJUSTMENT} in the ledger (none for
     * 0), and one {@code StockLevelChanged} each. The pairs must not be kept yet: for products created in this
     * transaction nobody else can know their stock, so there is nothing to lock; otherwise ({@link #countAll},
     * {@link #receive}) the primary key refuses a pair someone else opened meanwhile. Written in bulk, whatever the number of pairs: one batched insert of the
     * levels, one of the ledger lines, one of the events.
     *
     * @throws InventoryException before writing anything, if a figure is negative
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<StockLevel> openAll(List<Opening> openings, InventoryMovement.Reference reference, String actor) {
        Instant now = Timestamps.now();
        UUID referenceId = reference == null ? null : reference.id();
        List<StockLevel> opened = new ArrayList<>(openings.size());
        List<InventoryMovement> lines = new ArrayList<>(openings.size());
        List<StockLevelChanged> events = new ArrayList<>(openings.size());
        for (Opening opening : openings) {
            StockLevel level = new StockLevel(opening.key(), NO_THRESHOLDS, now);
            if (opening.onHand() != 0) {
                level.move(MovementType.ADJUSTMENT, opening.onHand(), now);
                lines.add(new InventoryMovement(level, MovementType.ADJUSTMENT, opening.onHand(), reference,
                        opening.note(), actor, now));
            }
            opened.add(level);
        }
        for (StockLevel level : opened) {
            levels.persist(level);
            events.add(changed(level, level.onHand() == 0 ? "THRESHOLDS" : MovementType.ADJUSTMENT.name(),
                    referenceId, now));
        }
        levels.flush(); // the levels exist before their ledger lines (foreign key)
        movements.appendAll(lines);
        outbox.publishAll(events);
        return opened;
    }

    public StockLevel get(StockKey key) {
        return levels.findByIdOptional(key).orElseThrow(() -> DomainException.notFound("Stock of product "
                + key.productId() + " in warehouse", key.warehouseId()));
    }

    public List<StockLevel> forProduct(UUID productId) {
        if (!products.existsById(productId)) {
            throw DomainException.notFound("Product", productId);
        }
        return levels.list("id.productId", Sort.by("id.warehouseId"), productId);
    }

    /** @param belowReorderPoint only pairs whose available stock is at or below their reorder point */
    public Page<StockLevel> forWarehouse(UUID warehouseId, boolean belowReorderPoint, int page, int size) {
        if (warehouses.findByIdOptional(warehouseId).isEmpty()) {
            throw DomainException.notFound("Warehouse", warehouseId);
        }
        var query = belowReorderPoint
                ? levels.find("id.warehouseId = ?1 and onHand - reserved <= reorderPoint", Sort.by("id.productId"),
                warehouseId)
                : levels.find("id.warehouseId", Sort.by("id.productId"), warehouseId);
        return Page.of(query.page(page, size).list(), page, size, query.count());
    }

    public Page<InventoryMovement> movements(StockKey key, int page, int size) {
        get(key);
        var query = movements.find("warehouseId = ?1 and productId = ?2", Sort.descending("id"),
                key.warehouseId(), key.productId());
        return Page.of(query.page(page, size).list(), page, size, query.count());
    }

    /** Publishes the level's new state; {@code cause} says what changed it. */
    public void published(StockLevel level, String cause, UUID reference, Instant now) {
        outbox.publish(changed(level, cause, reference, now));
    }

    private static StockLevelChanged changed(StockLevel level, String cause, UUID reference, Instant now) {
        StockLevel.Thresholds t = level.thresholds();
        return new StockLevelChanged(level.id().productId(), level.id().warehouseId(), level.onHand(),
                level.reserved(), level.available(), t.reorderPoint(), t.leadTimeDays(), cause, reference,
                level.version(), now);
    }

    private void requireExists(StockKey key) {
        if (warehouses.findByIdOptional(key.warehouseId()).isEmpty()) {
            throw DomainException.notFound("Warehouse", key.warehouseId());
        }
        if (!products.existsById(key.productId())) {
            throw DomainException.notFound("Product", key.productId());
        }
    }
}
