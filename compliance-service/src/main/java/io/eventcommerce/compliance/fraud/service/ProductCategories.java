package io.eventcommerce.compliance.fraud.service;

import io.eventcommerce.compliance.fraud.domain.ProductCategory;
import io.eventcommerce.compliance.fraud.domain.ProductCategoryRepository;
import io.eventcommerce.events.catalog.ProductCreated;
import io.eventcommerce.events.catalog.ProductSnapshot;
import io.eventcommerce.events.catalog.ProductUpdated;
import io.eventcommerce.servicekit.inbox.Inbox;
import io.eventcommerce.servicekit.messaging.EventRoutes;
import io.eventcommerce.servicekit.messaging.IncomingEvent;
import io.eventcommerce.servicekit.persistence.Replicas;
import io.eventcommerce.servicekit.time.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Keeps the product → category replica from catalog.product, each event once. */
@ApplicationScoped
public class ProductCategories {

    public static final String CONSUMER = "product-categories";

    private final ProductCategoryRepository products;
    private final EventRoutes routes;

    public ProductCategories(ProductCategoryRepository products, Inbox inbox) {
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
                ProductCategory::from, products::persist);
    }
}
