package io.eventcommerce.catalog.purchasing.service;

import io.eventcommerce.catalog.product.domain.Product;
import io.eventcommerce.catalog.product.domain.ProductRepository;
import io.eventcommerce.catalog.product.domain.ProductStatus;
import io.eventcommerce.catalog.purchasing.domain.PurchaseOrder;
import io.eventcommerce.catalog.purchasing.domain.PurchaseOrderStatus;
import io.eventcommerce.catalog.purchasing.domain.Supplier;
import io.eventcommerce.catalog.purchasing.domain.SupplierRepository;
import io.eventcommerce.catalog.purchasing.domain.SupplierStatus;
import io.eventcommerce.events.insights.ReorderSuggested;
import io.eventcommerce.servicekit.inbox.Inbox;
import io.eventcommerce.servicekit.messaging.EventRoutes;
import io.eventcommerce.servicekit.messaging.IncomingEvent;
import io.eventcommerce.servicekit.time.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.sql.Timestamp;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Turns insights-service's reorder suggestions into DRAFT purchase orders, which a person then submits and approves
 * as any other. One open order per product and warehouse: while one is open (a draft from an earlier suggestion, or
 * any open order a person wrote with the product for that warehouse) a new suggestion changes nothing. The
 * {@code reorder_draft} row per product and warehouse (V12) makes that hold under concurrency and redelivery: it is
 * locked, or inserted under its primary key, in the transaction that writes the draft.
 *
 * <p>The supplier is the product's usual one: the supplier of its latest purchase order (even a cancelled one: it
 * still says who sells the product), if that supplier is still ACTIVE.
 * catalog-service knows no other link between products and suppliers; a suggestion for a product
 * never bought, or whose supplier is inactive, drafts nothing and is logged (insights-service is to list
 * suggestions itself). The expected date is today plus that supplier's lead time (PurchaseOrderService's default).
 */
@ApplicationScoped
public class ReorderDraftHandler {

    public static final String CONSUMER = "reorder-drafts";
    /** Who the drafts name as their writer. */
    public static final String ACTOR = "insights-reorder";

    private static final Logger LOG = Logger.getLogger(ReorderDraftHandler.class);
    private static final Set<PurchaseOrderStatus> OPEN = EnumSet.of(PurchaseOrderStatus.DRAFT,
            PurchaseOrderStatus.SUBMITTED, PurchaseOrderStatus.APPROVED, PurchaseOrderStatus.PARTIALLY_RECEIVED);

    private final PurchaseOrderService orders;
    private final SupplierRepository suppliers;
    private final ProductRepository products;
    private final EntityManager em;
    private final EventRoutes routes;

    public ReorderDraftHandler(PurchaseOrderService orders, SupplierRepository suppliers, ProductRepository products,
                               EntityManager em, Inbox inbox) {
        this.orders = orders;
        this.suppliers = suppliers;
        this.products = products;
        this.em = em;
        this.routes = EventRoutes.recordedIn(inbox, CONSUMER).on(ReorderSuggested.TYPE, this::suggested).build();
    }

    @Transactional
    public void apply(IncomingEvent event) {
        routes.apply(event);
    }

    private void suggested(ReorderSuggested suggestion) {
        if (suggestion.suggestedQuantity() <= 0) {
            return;
        }
        UUID productId = suggestion.productId();
        UUID warehouseId = suggestion.warehouseId();
        Product product = products.findByIdOptional(productId).orElse(null);
        if (product == null || product.status() == ProductStatus.DISCONTINUED || product.cost() == null) {
            LOG.infof("Reorder suggestion %s: product %s is unknown, discontinued or without cost; no draft",
                    suggestion.suggestionId(), productId);
            return;
        }
        List<?> slot = em.createNativeQuery("SELECT purchase_order_id FROM reorder_draft WHERE product_id = :p"
                        + " AND warehouse_id = :w FOR UPDATE")
                .setParameter("p", productId.toString()).setParameter("w", warehouseId.toString()).getResultList();
        if (!openOrders(productId, warehouseId).isEmpty()) {
            return;
        }
        Optional<Supplier> supplier = usualSupplier(productId);
        if (supplier.isEmpty()) {
            LOG.infof("Reorder suggestion %s: no active supplier has been ordered product %s from; no draft",
                    suggestion.suggestionId(), productId);
            return;
        }
        String notes = "From reorder suggestion " + suggestion.suggestionId() + ": reorder point "
                + suggestion.reorderPoint() + ", available " + suggestion.available() + ", on order "
                + suggestion.onOrder() + ", service level " + suggestion.serviceLevel();
        PurchaseOrder draft = orders.create(new PurchaseOrderService.Draft(supplier.get().id(), warehouseId,
                product.currency(), null, notes, List.of(new PurchaseOrderService.DraftLine(productId,
                suggestion.suggestedQuantity(), null))), ACTOR);
        Timestamp now = Timestamp.from(Timestamps.now());
        if (slot.isEmpty()) {
            // A concurrent first suggestion inserts the same key: one transaction fails here and is retried.
            em.createNativeQuery("INSERT INTO reorder_draft (product_id, warehouse_id, purchase_order_id,"
                            + " suggestion_id, drafted_at) VALUES (:p, :w, :o, :s, :t)")
                    .setParameter("p", productId.toString()).setParameter("w", warehouseId.toString())
                    .setParameter("o", draft.id().toString())
                    .setParameter("s", suggestion.suggestionId().toString()).setParameter("t", now).executeUpdate();
        } else {
            em.createNativeQuery("UPDATE reorder_draft SET purchase_order_id = :o, suggestion_id = :s,"
                            + " drafted_at = :t WHERE product_id = :p AND warehouse_id = :w")
                    .setParameter("p", productId.toString()).setParameter("w", warehouseId.toString())
                    .setParameter("o", draft.id().toString())
                    .setParameter("s", suggestion.suggestionId().toString()).setParameter("t", now).executeUpdate();
        }
    }

    private List<UUID> openOrders(UUID productId, UUID warehouseId) {
        return em.createQuery("select o.id from PurchaseOrder o join o.lines l where l.productId = :p"
                        + " and o.warehouseId = :w and o.status in :open", UUID.class)
                .setParameter("p", productId).setParameter("w", warehouseId).setParameter("open", OPEN)
                .getResultList();
    }

    private Optional<Supplier> usualSupplier(UUID productId) {
        return em.createQuery("select o.supplierId from PurchaseOrder o join o.lines l where l.productId = :p"
                        + " order by o.createdAt desc, o.number desc", UUID.class)
                .setParameter("p", productId)
                .setMaxResults(1).getResultStream().findFirst()
                .flatMap(suppliers::findByIdOptional)
                .filter(s -> s.status() == SupplierStatus.ACTIVE);
    }
}
