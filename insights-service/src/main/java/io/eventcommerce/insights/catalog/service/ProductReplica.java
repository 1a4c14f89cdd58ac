package io.eventcommerce.insights.catalog.service;

import io.eventcommerce.events.catalog.ProductCreated;
import io.eventcommerce.events.catalog.ProductSnapshot;
import io.eventcommerce.events.catalog.ProductUpdated;
import io.eventcommerce.insights.catalog.domain.Product;
import io.eventcommerce.insights.catalog.domain.ProductRepository;
import io.eventcommerce.insights.rebuild.service.ReadModelGuard;
import io.eventcommerce.servicekit.inbox.Inbox;
import io.eventcommerce.servicekit.messaging.EventRoutes;
import io.eventcommerce.servicekit.messaging.IncomingEvent;
import io.eventcommerce.servicekit.persistence.Replicas;
import io.eventcommerce.servicekit.time.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Keeps the product replica from catalog.product, each event once, newer versions only. */
@ApplicationScoped
public class ProductReplica {

    public static final String CONSUMER = "insights-products";

    private final ProductRepository products;
    private final ReadModelGuard guard;
    private final EventRoutes routes;

    public ProductReplica(ProductRepository products, Inbox inbox, ReadModelGuard guard) {
        this.guard = guard;
        this.products = products;
        this.routes = EventRoutes.recordedIn(inbox, CONSUMER)
                .on(ProductCreated.TYPE, (created, event) -> keep(created.product(), event))
                .on(ProductUpdated.TYPE, (updated, event) -> keep(updated.product(), event))
                .build();
    }

    @Transactional
    public void apply(IncomingEvent event) {
        guard.admit();
        routes.apply(event);
    }

    private void keep(ProductSnapshot snapshot, IncomingEvent event) {
        Replicas.keep(products.findByIdOptional(snapshot.productId()), snapshot, event.eventId(), Timestamps.now(),
                Product::from, products::persist);
    }
}
