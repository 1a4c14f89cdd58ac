package io.eventcommerce.copilot.replica.service;

import io.eventcommerce.events.catalog.ProductCreated;
import io.eventcommerce.events.catalog.ProductSnapshot;
import io.eventcommerce.events.catalog.ProductUpdated;
import io.eventcommerce.servicekit.inbox.Inbox;
import io.eventcommerce.servicekit.messaging.EventRoutes;
import io.eventcommerce.servicekit.messaging.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * catalog.product into {@code dim_product}, each event once, newer versions only. An order line whose product was
 * not known here when the order came (another topic: a rebuild, a new product ordered at once) takes its category,
 * brand and cost from the first snapshot that arrives; lines placed with a known product keep what it had then.
 */
@ApplicationScoped
public class ProductDimension {

    public static final String CONSUMER = "copilot-products";

    private final EntityManager em;
    private final EventRoutes routes;

    public ProductDimension(EntityManager em, Inbox inbox) {
        this.em = em;
        this.routes = EventRoutes.recordedIn(inbox, CONSUMER)
                .on(ProductCreated.TYPE, (ProductCreated created) -> keep(created.product()))
                .on(ProductUpdated.TYPE, (ProductUpdated updated) -> keep(updated.product()))
                .build();
    }

    @Transactional
    public void apply(IncomingEvent event) {
        routes.apply(event);
    }

    private void keep(ProductSnapshot p) {
        String id = p.productId().toString();
        String category = p.categoryId() == null ? null : p.categoryId().toString();
        int updated = em.createNativeQuery("""
                        UPDATE dim_product SET sku = ?2, name = ?3, brand = ?4, category_id = ?5, price = ?6, cost = ?7,
                            currency = ?8, status = ?9, version = ?10
                        WHERE product_id = ?1 AND version < ?10""")
                .setParameter(1, id).setParameter(2, p.sku()).setParameter(3, p.name()).setParameter(4, p.brand())
                .setParameter(5, category).setParameter(6, p.price()).setParameter(7, p.cost())
                .setParameter(8, p.currency()).setParameter(9, p.status()).setParameter(10, p.version())
                .executeUpdate();
        if (updated == 0) {
            // New here, or an older snapshot than the one kept (then the row exists and the insert is ignored).
            int inserted = em.createNativeQuery("""
                            INSERT IGNORE INTO dim_product (product_id, sku, name, brand, category_id, price, cost,
                                currency, status, version)
                            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)""")
                    .setParameter(1, id).setParameter(2, p.sku()).setParameter(3, p.name())
                    .setParameter(4, p.brand()).setParameter(5, category).setParameter(6, p.price())
                    .setParameter(7, p.cost()).setParameter(8, p.currency()).setParameter(9, p.status())
                    .setParameter(10, p.version()).executeUpdate();
            if (inserted == 0) {
                return;
            }
        }
        fillLines(id);
    }

    /**
     * The product's lines placed before it was known here take its category, brand and cost from {@code
     * dim_product}; also what {@link ReplicaRepair} calls for lines whose product crossed them in flight.
     */
    public void fillLines(String productId) {
        em.createNativeQuery("""
                        UPDATE fact_order_line l JOIN dim_product p ON p.product_id = l.product_id
                        SET l.category_id = p.category_id, l.brand = p.brand, l.cost = p.cost * l.quantity,
                            l.product_filled = TRUE
                        WHERE l.product_id = ?1 AND l.product_filled = FALSE""")
                .setParameter(1, productId).executeUpdate();
    }
}
