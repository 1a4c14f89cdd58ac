package io.eventcommerce.catalog.purchasing.service;

import io.eventcommerce.catalog.inventory.domain.InventoryMovement;
import io.eventcommerce.catalog.inventory.domain.StockKey;
import io.eventcommerce.catalog.inventory.domain.Warehouse;
import io.eventcommerce.catalog.inventory.domain.WarehouseRepository;
import io.eventcommerce.catalog.inventory.service.InventoryService;
import io.eventcommerce.catalog.product.domain.Product;
import io.eventcommerce.catalog.product.domain.ProductRepository;
import io.eventcommerce.catalog.product.domain.ProductStatus;
import io.eventcommerce.catalog.purchasing.domain.PurchaseOrder;
import io.eventcommerce.catalog.purchasing.domain.PurchaseOrderLine;
import io.eventcommerce.catalog.purchasing.domain.PurchaseOrderReceipt;
import io.eventcommerce.catalog.purchasing.domain.PurchaseOrderReceiptRepository;
import io.eventcommerce.catalog.purchasing.domain.PurchaseOrderRepository;
import io.eventcommerce.catalog.purchasing.domain.PurchaseOrderStateException;
import io.eventcommerce.catalog.purchasing.domain.PurchaseOrderStatus;
import io.eventcommerce.catalog.purchasing.domain.ReceiptLine;
import io.eventcommerce.catalog.purchasing.domain.Supplier;
import io.eventcommerce.catalog.purchasing.domain.SupplierRepository;
import io.eventcommerce.catalog.purchasing.domain.SupplierStatus;
import io.eventcommerce.events.catalog.PurchaseOrderChanged;
import io.eventcommerce.events.catalog.PurchaseOrderSnapshot;
import io.eventcommerce.servicekit.outbox.Outbox;
import io.eventcommerce.servicekit.problem.DomainException;
import io.eventcommerce.servicekit.problem.Problem.FieldError;
import io.eventcommerce.servicekit.rest.Page;
import io.eventcommerce.servicekit.time.Timestamps;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Purchase order writes, each one transaction. A receipt books its goods into the order's warehouse through the
 * inventory ledger ({@link InventoryService#receive}) in the same transaction as the receipt and the order's new
 * state, so stock never changes without both. Every write also publishes the order's new state
 * ({@code PurchaseOrderChanged} on catalog.purchase-order) through the outbox in its transaction, so insights-service
 * sees each order as it is.
 */
@ApplicationScoped
public class PurchaseOrderService {

    /** How ledger rows name a purchase order ({@link InventoryMovement.Reference#type()}). */
    public static final String REFERENCE_TYPE = "PURCHASE_ORDER";

    private final PurchaseOrderRepository orders;
    private final PurchaseOrderReceiptRepository receipts;
    private final SupplierRepository suppliers;
    private final WarehouseRepository warehouses;
    private final ProductRepository products;
    private final InventoryService inventory;
    private final Outbox outbox;

    public PurchaseOrderService(PurchaseOrderRepository orders, PurchaseOrderReceiptRepository receipts,
                                SupplierRepository suppliers, WarehouseRepository warehouses,
                                ProductRepository products, InventoryService inventory, Outbox outbox) {
        this.orders = orders;
        this.receipts = receipts;
        this.suppliers = suppliers;
        this.warehouses = warehouses;
        this.products = products;
        this.inventory = inventory;
        this.outbox = outbox;
    }

    /**
     * A purchase order as a client writes it.
     *
     * @param expectedOn defaults to today (UTC) plus the supplier's lead time
     * @param lines      unit costs default to each product's cost
     */
    public record Draft(UUID supplierId, UUID warehouseId, String currency, LocalDate expectedOn, String notes,
                        List<DraftLine> lines) {
    }

    public record DraftLine(UUID productId, int quantity, BigDecimal unitCost) {
    }

    /** @param unitCost what the supplier charged per unit; the line's ordered unit cost when null */
    public record ArrivedLine(UUID productId, int quantity, BigDecimal unitCost) {
    }

    @Transactional
    public PurchaseOrder create(Draft draft, String actor) {
        PurchaseOrder.Terms terms = terms(draft);
        Instant now = Timestamps.now();
        String number = orders.nextNumber(now.atOffset(ZoneOffset.UTC).getYear());
        PurchaseOrder order = new PurchaseOrder(UUID.randomUUID(), number, terms, actor, now);
        orders.persistAndFlush(order);
        publish(order);
        return order;
    }

    /** Replaces terms and lines; 409 unless the order is a DRAFT. */
    @Transactional
    public PurchaseOrder revise(UUID id, Draft draft) {
        PurchaseOrder order = get(id);
        if (order.status() != PurchaseOrderStatus.DRAFT) {
            throw new PurchaseOrderStateException(order.status(), "have its lines or terms changed");
        }
        order.revise(terms(draft), Timestamps.now());
        orders.flush();
        publish(order);
        return order;
    }

    /** 409 as well if the supplier has become INACTIVE since the draft was written. */
    @Transactional
    public PurchaseOrder submit(UUID id, String actor) {
        PurchaseOrder order = get(id);
        Supplier supplier = suppliers.findById(order.supplierId());
        if (order.status() == PurchaseOrderStatus.DRAFT && supplier.status() != SupplierStatus.ACTIVE) {
            throw DomainException.conflict("Supplier " + supplier.id() + " is " + supplier.status());
        }
        return change(order, () -> order.submit(actor, Timestamps.now()));
    }

    @Transactional
    public PurchaseOrder returnToDraft(UUID id, String reason) {
        PurchaseOrder order = get(id);
        return change(order, () -> order.returnToDraft(reason, Timestamps.now()));
    }

    /** 403 if {@code actor} wrote or submitted the order (four eyes), 409 unless it is SUBMITTED. */
    @Transactional
    public PurchaseOrder approve(UUID id, String actor) {
        PurchaseOrder order = get(id);
        return change(order, () -> order.approve(actor, Timestamps.now()));
    }

    @Transactional
    public PurchaseOrder cancel(UUID id, String actor, String reason) {
        PurchaseOrder order = get(id);
        return change(order, () -> order.cancel(actor, reason, Timestamps.now()));
    }

    /** Ends a PARTIALLY_RECEIVED order as RECEIVED; what did not arrive stays as negative variance. */
    @Transactional
    public PurchaseOrder closeShort(UUID id, String actor, String reason) {
        PurchaseOrder order = get(id);
        return change(order, () -> order.closeShort(actor, reason, Timestamps.now()));
    }

    /**
     * Books a delivery: a RECEIPT ledger row per line into the order's warehouse (keeping the product there from now
     * on if it was not), the receipt, and the order's received quantities and status, all in this transaction. More
     * than ordered is booked and shows as positive variance. 409 unless the order is APPROVED or PARTIALLY_RECEIVED;
     * 422 for a product that is not on the order or is named twice.
     */
    @Transactional
    public PurchaseOrderReceipt receive(UUID id, List<ArrivedLine> arrived, String note, String actor) {
        PurchaseOrder order = get(id);
        if (!order.status().receivesGoods()) {
            throw new PurchaseOrderStateException(order.status(), "receive goods");
        }
        List<FieldError> errors = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        Map<UUID, BigDecimal> costs = new HashMap<>();
        for (int i = 0; i < arrived.size(); i++) {
            ArrivedLine line = arrived.get(i);
            var ordered = order.line(line.productId());
            if (ordered.isEmpty()) {
                errors.add(new FieldError("lines[" + i + "].productId", "is not on this purchase order"));
            } else if (!seen.add(line.productId())) {
                errors.add(new FieldError("lines[" + i + "].productId", "appears on another line"));
            } else {
                costs.put(line.productId(), line.unitCost() == null ? ordered.get().unitCost() : line.unitCost());
            }
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        Instant now = Timestamps.now();
        InventoryMovement.Reference reference = new InventoryMovement.Reference(REFERENCE_TYPE, order.id());
        String ledgerNote = clip("Receipt against " + order.number() + (note == null ? "" : ": " + note));
        List<ReceiptLine> lines = new ArrayList<>();
        List<PurchaseOrder.Arrival> arrivals = new ArrayList<>();
        // Stock rows are locked in product order, as everywhere else, so concurrent writers cannot deadlock.
        for (ArrivedLine line : arrived.stream().sorted(Comparator.comparing(ArrivedLine::productId)).toList()) {
            BigDecimal unitCost = costs.get(line.productId());
            InventoryMovement movement = inventory.receive(new StockKey(order.warehouseId(), line.productId()),
                    line.quantity(), reference, ledgerNote, actor);
            lines.add(new ReceiptLine(line.productId(), line.quantity(), unitCost, movement.id()));
            arrivals.add(new PurchaseOrder.Arrival(line.productId(), line.quantity(), unitCost));
        }
        order.receive(arrivals, actor, now);
        PurchaseOrderReceipt receipt = new PurchaseOrderReceipt(UUID.randomUUID(), order.id(), lines, note, actor,
                now);
        receipts.persist(receipt);
        orders.flush();
        publish(order);
        return receipt;
    }

    public PurchaseOrder get(UUID id) {
        return orders.findByIdOptional(id).orElseThrow(() -> DomainException.notFound("Purchase order", id));
    }

    public List<PurchaseOrderReceipt> receipts(UUID id) {
        get(id);
        return receipts.forOrder(id);
    }

    /** Newest first; every filter is optional. */
    public Page<PurchaseOrder> list(PurchaseOrderStatus status, UUID supplierId, UUID warehouseId, int page,
                                    int size) {
        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (status != null) {
            where.add("status = :status");
            parameters.and("status", status);
        }
        if (supplierId != null) {
            where.add("supplierId = :supplier");
            parameters.and("supplier", supplierId);
        }
        if (warehouseId != null) {
            where.add("warehouseId = :warehouse");
            parameters.and("warehouse", warehouseId);
        }
        Sort newestFirst = Sort.descending("createdAt", "number");
        var query = where.isEmpty() ? orders.findAll(newestFirst)
                : orders.find(String.join(" and ", where), newestFirst, parameters);
        return Page.of(query.page(page, size).list(), page, size, query.count());
    }

    private PurchaseOrder change(PurchaseOrder order, Runnable move) {
        move.run();
        orders.flush();
        publish(order);
        return order;
    }

    /** After a flush, so the snapshot carries the version the change was stored with. */
    private void publish(PurchaseOrder order) {
        Supplier supplier = suppliers.findById(order.supplierId());
        outbox.publish(new PurchaseOrderChanged(snapshot(order, supplier.leadTimeDays())));
    }

    static PurchaseOrderSnapshot snapshot(PurchaseOrder o, int leadTimeDays) {
        List<PurchaseOrderSnapshot.Line> lines = o.lines().stream().map(PurchaseOrderService::line).toList();
        return new PurchaseOrderSnapshot(o.id(), o.number(), o.supplierId(), leadTimeDays, o.warehouseId(),
                o.status().name(), o.currency(), o.expectedOn(), o.totalOrdered(), o.totalReceived(), o.createdAt(),
                o.submittedAt(), o.approvedAt(), o.receivedAt(), o.cancelledAt(), lines, o.version());
    }

    private static PurchaseOrderSnapshot.Line line(PurchaseOrderLine l) {
        return new PurchaseOrderSnapshot.Line(l.lineNo(), l.productId(), l.quantityOrdered(), l.quantityReceived(),
                l.unitCost(), l.costReceived());
    }

    /** Checks what the database cannot tell a client about (422 with every field at fault) and fills defaults. */
    private PurchaseOrder.Terms terms(Draft draft) {
        List<FieldError> errors = new ArrayList<>();
        Supplier supplier = suppliers.findByIdOptional(draft.supplierId()).orElse(null);
        if (supplier == null) {
            errors.add(new FieldError("supplierId", "does not exist"));
        } else if (supplier.status() != SupplierStatus.ACTIVE) {
            errors.add(new FieldError("supplierId", "is " + supplier.status()));
        }
        Warehouse warehouse = warehouses.findByIdOptional(draft.warehouseId()).orElse(null);
        if (warehouse == null) {
            errors.add(new FieldError("warehouseId", "does not exist"));
        } else if (!warehouse.active()) {
            errors.add(new FieldError("warehouseId", "is inactive"));
        }
        Set<UUID> seen = new HashSet<>();
        List<PurchaseOrder.Item> items = new ArrayList<>();
        for (int i = 0; i < draft.lines().size(); i++) {
            DraftLine line = draft.lines().get(i);
            String field = "lines[" + i + "].";
            Product product = products.findByIdOptional(line.productId()).orElse(null);
            if (product == null) {
                errors.add(new FieldError(field + "productId", "does not exist"));
            } else if (product.status() == ProductStatus.DISCONTINUED) {
                errors.add(new FieldError(field + "productId", "is discontinued"));
            } else if (!seen.add(line.productId())) {
                errors.add(new FieldError(field + "productId", "appears on another line"));
            } else if (line.unitCost() == null && product.cost() == null) {
                errors.add(new FieldError(field + "unitCost", "is required: the product has no cost"));
            } else {
                items.add(new PurchaseOrder.Item(line.productId(), line.quantity(),
                        line.unitCost() == null ? product.cost() : line.unitCost()));
            }
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        LocalDate expectedOn = draft.expectedOn() != null ? draft.expectedOn()
                : LocalDate.now(ZoneOffset.UTC).plusDays(supplier.leadTimeDays());
        return new PurchaseOrder.Terms(supplier.id(), warehouse.id(), draft.currency(), expectedOn, draft.notes(),
                items);
    }

    private static String clip(String note) {
        return note.length() <= PurchaseOrder.MAX_NOTE ? note : note.substring(0, PurchaseOrder.MAX_NOTE - 1) + "…";
    }
}
