package io.eventcommerce.insights.catalog.messaging;

import io.eventcommerce.insights.catalog.service.ProductReplica;
import io.eventcommerce.insights.catalog.service.StockLevels;
import io.eventcommerce.servicekit.messaging.EventChannels;
import io.eventcommerce.servicekit.messaging.EventHandling;
import io.eventcommerce.servicekit.messaging.IncomingEvent;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.Map;
import java.util.function.Consumer;

/** catalog.product and catalog.inventory into the product replica and the stock levels; see application.properties. */
@ApplicationScoped
public class CatalogConsumers implements EventChannels {

    private final EventHandling handling;
    private final ProductReplica products;
    private final StockLevels stock;

    public CatalogConsumers(EventHandling handling, ProductReplica products, StockLevels stock) {
        this.handling = handling;
        this.products = products;
        this.stock = stock;
    }

    @Override
    public Map<String, Consumer<IncomingEvent>> handlers() {
        return Map.of("catalog-product", products::apply, "catalog-inventory", stock::apply);
    }

    @Incoming("catalog-product")
    @Blocking
    public void onProductEvent(ConsumerRecord<String, String> record) {
        handling.handle("catalog-product", record, products::apply);
    }

    @Incoming("catalog-inventory")
    @Blocking
    public void onInventoryEvent(ConsumerRecord<String, String> record) {
        handling.handle("catalog-inventory", record, stock::apply);
    }
}
