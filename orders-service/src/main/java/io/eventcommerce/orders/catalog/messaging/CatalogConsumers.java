package io.eventcommerce.orders.catalog.messaging;

import io.eventcommerce.orders.catalog.service.ProductReplicaHandler;
import io.eventcommerce.orders.catalog.service.PromotionReplicaHandler;
import io.eventcommerce.servicekit.messaging.EventChannels;
import io.eventcommerce.servicekit.messaging.EventHandling;
import io.eventcommerce.servicekit.messaging.IncomingEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads catalog-service's topics into this service's replicas: catalog.product (channel {@code catalog-product})
 * and catalog.promotion (channel {@code catalog-promotion}); see application.properties.
 */
@ApplicationScoped
public class CatalogConsumers implements EventChannels {

    private final EventHandling handling;
    private final ProductReplicaHandler products;
    private final PromotionReplicaHandler promotions;

    public CatalogConsumers(EventHandling handling, ProductReplicaHandler products,
                            PromotionReplicaHandler promotions) {
        this.handling = handling;
        this.products = products;
        this.promotions = promotions;
    }

    @Override
    public Map<String, Consumer<IncomingEvent>> handlers() {
        return Map.of("catalog-product", products::apply, "catalog-promotion", promotions::apply);
    }

    @Incoming("catalog-product")
    @Blocking
    public void onProductEvent(ConsumerRecord<String, String> record) {
        handling.handle("catalog-product", record, products::apply);
    }

    @Incoming("catalog-promotion")
    @Blocking
    public void onPromotionEvent(ConsumerRecord<String, String> record) {
        handling.handle("catalog-promotion", record, promotions::apply);
    }
}
