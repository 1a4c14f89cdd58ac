package io.eventcommerce.insights;

import io.eventcommerce.events.DomainEvent;
import io.eventcommerce.events.EventCodec;
import io.eventcommerce.events.EventEnvelope;
import io.eventcommerce.events.catalog.ProductCreated;
import io.eventcommerce.events.catalog.ProductSnapshot;
import io.eventcommerce.events.catalog.StockLevelChanged;
import io.eventcommerce.events.orders.Address;
import io.eventcommerce.events.orders.OrderLine;
import io.eventcommerce.events.orders.OrderPlaced;
import io.eventcommerce.events.orders.PaymentMethodRef;
import io.eventcommerce.testkit.TopicProbe;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Events as orders-service's and catalog-service's outboxes publish them (key = aggregate id, headers id and
 * eventType), for insights-service to consume. A test builds its own customers, products and orders (fresh ids).
 */
public final class InsightsFixtures {

    private InsightsFixtures() {
    }

    /** The record the owner's outbox would produce for {@code event}. */
    public static ProducerRecord<String, String> record(DomainEvent event) {
        String source = event.eventType().topic().startsWith("catalog.") ? "catalog-service" : "orders-service";
        EventEnvelope<DomainEvent> envelope = EventEnvelope.wrap(event, source, Instant.now());
        ProducerRecord<String, String> record = new ProducerRecord<>(event.eventType().topic(),
                envelope.aggregateId(), EventCodec.toJson(envelope));
        record.headers().add("id", envelope.eventId().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add("eventType", envelope.type().getBytes(StandardCharsets.UTF_8));
        return record;
    }

    /** Sends the records in their order through one producer. */
    public static void send(List<ProducerRecord<String, String>> records) {
        TopicProbe.sendAll(records);
    }

    public static void send(DomainEvent... events) {
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (DomainEvent event : events) {
            records.add(record(event));
        }
        send(records);
    }

    public static ProductCreated product(UUID productId, UUID categoryId, String price, String cost) {
        return new ProductCreated(new ProductSnapshot(productId, "SKU-" + productId.toString().substring(0, 8),
                "Product", "A product", "Brand", categoryId, new BigDecimal(price),
                cost == null ? null : new BigDecimal(cost), "EUR", "ACTIVE", Map.of(), 1, null));
    }

    public static StockLevelChanged stock(UUID productId, UUID warehouseId, int onHand, long version) {
        return new StockLevelChanged(productId, warehouseId, onHand, 0, onHand, 10, 7, "RECEIPT", UUID.randomUUID(),
                version, Instant.now());
    }

    /** One line of an order: product, quantity, unit price. */
    public record Item(UUID productId, int quantity, BigDecimal unitPrice) {

        public static Item of(UUID productId, int quantity, String unitPrice) {
            return new Item(productId, quantity, new BigDecimal(unitPrice));
        }

        BigDecimal lineTotal() {
            return unitPrice.multiply(BigDecimal.valueOf(quantity));
        }
    }

    /** A live order placed (PENDING) by {@code customerId}, shipping to {@code country}. */
    public static OrderPlaced order(UUID customerId, String channel, String country, Instant placedAt,
                                    String discount, Item... items) {
        List<OrderLine> lines = new ArrayList<>();
        BigDecimal subtotal = BigDecimal.ZERO;
        for (int i = 0; i < items.length; i++) {
            Item item = items[i];
            lines.add(new OrderLine(i + 1, item.productId(), "SKU", "Item", item.quantity(), item.unitPrice(),
                    item.lineTotal(), 1));
            subtotal = subtotal.add(item.lineTotal());
        }
        BigDecimal off = new BigDecimal(discount);
        Address address = new Address("Someone", "1 Road", null, "City", null, "10000", country);
        return new OrderPlaced(UUID.randomUUID(), customerId, "PENDING", "EUR", lines, subtotal, off,
                subtotal.subtract(off), off.signum() == 0 ? null : "SAVE", address, address,
                new PaymentMethodRef(UUID.randomUUID(), "visa", "4242", 12, 2030, country), channel,
                null, placedAt);
    }
}
