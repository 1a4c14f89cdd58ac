package io.eventcommerce.orders.catalog.messaging;

import io.eventcommerce.orders.catalog.service.ProductReplicaHandler;
import io.eventcommerce.servicekit.messaging.EventHandling;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Reads catalog.product (channel {@code catalog-product}, see application.properties) into the product replica. */
@ApplicationScoped
public class CatalogProductConsumer {

    private final EventHandling handling;
    private final ProductReplicaHandler replica;

    public CatalogProductConsumer(EventHandling handling, ProductReplicaHandler replica) {
        this.handling = handling;
        this.replica = replica;
    }

    @Incoming("catalog-product")
    @Blocking
    public void onProductEvent(ConsumerRecord<String, String> record) {
        handling.handle(record, replica::apply);
    }
}
