package io.eventcommerce.orders.catalog.service;

import io.eventcommerce.events.catalog.ProductCreated;
import io.eventcommerce.events.catalog.ProductSnapshot;
import io.eventcommerce.events.catalog.ProductUpdated;
import io.eventcommerce.orders.catalog.domain.CatalogProduct;
import io.eventcommerce.orders.catalog.domain.CatalogProductRepository;
import io.eventcommerce.servicekit.inbox.Inbox;
import io.eventcommerce.servicekit.messaging.EventRoutes;
import io.eventcommerce.servicekit.messaging.IncomingEvent;
import io.eventcommerce.servicekit.persistence.Replicas;
import io.eventcommerce.servicekit.time.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Keeps the product replica: each catalog.product event is applied once, in the transaction that records it. */
@ApplicationScoped
public class ProductReplicaHandler {

    public static final String CONSUMER = "product-replica";

    private final CatalogProductRepository products;
    private final EventRoutes routes;

    public ProductReplicaHandler(CatalogProductRepository products, Inbox inbox) {
        this.products = products;
        this.routes = EventRoutes.recordedIn(inbox, CONSUMER)
                .on(ProductCreated.TYPE, (created, event) -> keep(created.product(), event))
                .on(ProductUpdated.TYPE, (updated, event) -> keep(updated.product(), event))
                .build();
    }

    @Transactional
    public void apply(IncomingEvent event) {
        routes.apply(event);
    }

    private void keep(ProductSnapshot snapshot, IncomingEvent event) {
        Replicas.keep(products.findByIdOptional(snapshot.productId()), snapshot, event.eventId(), Timestamps.now(),
                CatalogProduct::from, products::persist);
    }
}
