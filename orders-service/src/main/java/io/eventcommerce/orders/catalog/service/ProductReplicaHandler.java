package io.eventcommerce.orders.catalog.service;

import io.eventcommerce.servicekit.time.Timestamps;
import io.eventcommerce.events.catalog.ProductCreated;
import io.eventcommerce.events.catalog.ProductSnapshot;
import io.eventcommerce.events.catalog.ProductUpdated;
import io.eventcommerce.orders.catalog.domain.CatalogProduct;
import io.eventcommerce.orders.catalog.domain.CatalogProductRepository;
import io.eventcommerce.servicekit.inbox.Inbox;
import io.eventcommerce.servicekit.messaging.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;

/** Keeps the product replica: each catalog.product event is applied once, in the transaction that records it. */
@ApplicationScoped
public class ProductReplicaHandler {

    public static final String CONSUMER = "product-replica";
    private static final Logger LOG = Logger.getLogger(ProductReplicaHandler.class);

    private final CatalogProductRepository products;
    private final Inbox inbox;

    public ProductReplicaHandler(CatalogProductRepository products, Inbox inbox) {
        this.products = products;
        this.inbox = inbox;
    }

    @Transactional
    public void apply(IncomingEvent event) {
        ProductSnapshot snapshot;
        if (event.is(ProductCreated.TYPE)) {
            snapshot = event.data(ProductCreated.TYPE).product();
        } else if (event.is(ProductUpdated.TYPE)) {
            snapshot = event.data(ProductUpdated.TYPE).product();
        } else {
            // Producers may add event types; a consumer that does not know one has nothing to do with it.
            LOG.debugf("Ignoring %s", event);
            return;
        }
        if (!inbox.firstDelivery(CONSUMER, event.eventId(), event.type())) {
            LOG.debugf("Already applied %s", event);
            return;
        }
        Instant now = Timestamps.now();
        products.findByIdOptional(snapshot.productId()).ifPresentOrElse(
                replica -> {
                    if (!replica.update(snapshot, event.eventId(), now)) {
                        LOG.debugf("Stale snapshot %s of product %s ignored (replica has %s)",
                                (Object) snapshot.version(), snapshot.productId(), (Object) replica.version());
                    }
                },
                () -> products.persist(CatalogProduct.from(snapshot, event.eventId(), now)));
    }
}
