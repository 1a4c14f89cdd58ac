package io.eventcommerce.compliance;

import io.eventcommerce.events.DomainEvent;
import io.eventcommerce.events.EventCodec;
import io.eventcommerce.events.EventEnvelope;
import io.eventcommerce.events.Topics;
import io.eventcommerce.events.compliance.FraudAssessed;
import io.eventcommerce.events.orders.Address;
import io.eventcommerce.events.orders.CustomerRegistered;
import io.eventcommerce.events.orders.OrderLine;
import io.eventcommerce.events.orders.OrderPlaced;
import io.eventcommerce.events.orders.PaymentCaptured;
import io.eventcommerce.events.orders.PaymentDeclined;
import io.eventcommerce.events.orders.PaymentMethodRef;
import io.eventcommerce.events.orders.PaymentRefunded;
import io.eventcommerce.testkit.Database;
import io.eventcommerce.testkit.Deadlines;
import io.eventcommerce.testkit.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * Events as orders-service's outbox publishes them, for compliance-service to consume: customers, orders (live or
 * imported) and payment outcomes. A test builds its own customers and orders (fresh ids), so it asserts only on its
 * own rows.
 */
public final class ComplianceFixtures {

    public static final Database COMPLIANCE = Database.of("compliance");

    private ComplianceFixtures() {
    }

    /** One customer as the fixtures see it: home country, card and address. */
    public record Shopper(UUID id, String country, PaymentMethodRef card, Address address) {

        public static Shopper of(String country, int seed) {
            UUID id = UUID.randomUUID();
            PaymentMethodRef card = new PaymentMethodRef(UUID.randomUUID(), "visa",
                    String.format("%04d", Math.floorMod(id.hashCode(), 10_000)), 1 + Math.floorMod(seed, 12),
                    2030 + Math.floorMod(seed, 5), country);
            Address address = new Address("Customer " + seed, seed + " " + id.toString().substring(0, 8) + " Street",
                    null, "City", null, "1000" + Math.floorMod(seed, 10), country);
            return new Shopper(id, country, card, address);
        }

        /** The same customer paying with a card issued in {@code country}. */
        public Shopper withCard(String issuer) {
            return new Shopper(id, country, new PaymentMethodRef(UUID.randomUUID(), "mastercard",
                    String.format("%04d", Math.floorMod(id.hashCode() + issuer.hashCode(), 10_000)), 6, 2031, issuer),
                    address);
        }

        /** The same customer shipping to a new address in {@code shipTo}. */
        public Shopper shippingTo(String shipTo) {
            return new Shopper(id, country, card, new Address("Someone", "1 Drop Lane " + id.toString()
                    .substring(0, 6), null, "Elsewhere", null, "99999", shipTo));
        }
    }

    /**
     * An address from the country's synthetic block (the data generator's; ip-country-blocks.csv): 100.64.x.x is
     * US, 100.65 GB, 100.66 DE, 100.67 FR, ...
     */
    public static String ip(String country, int n) {
        List<String> order = List.of("US", "GB", "DE", "FR", "CA", "AU", "NL", "ES", "IT", "JP", "BR", "IN", "SE",
                "PL", "MX", "IE", "AT", "CH", "DK", "NZ");
        int block = order.indexOf(country);
        if (block < 0) {
            throw new IllegalArgumentException("no IP block for " + country);
        }
        return "100." + (64 + block) + "." + Math.floorMod(n / 250, 256) + "." + (1 + Math.floorMod(n, 250));
    }

    public static CustomerRegistered registered(Shopper s, Instant at) {
        return new CustomerRegistered(s.id(), s.country(), "REGULAR", at);
    }

    /**
     * An order of one line. {@code imported}: history (status PAID), never scored; otherwise a live order PENDING.
     */
    public static OrderPlaced order(Shopper s, BigDecimal total, int quantity, String clientIp, Instant placedAt,
                                    boolean imported) {
        UUID orderId = UUID.randomUUID();
        BigDecimal unit = total.divide(BigDecimal.valueOf(quantity), 2, RoundingMode.HALF_UP);
        BigDecimal lineTotal = unit.multiply(BigDecimal.valueOf(quantity));
        OrderLine line = new OrderLine(1, UUID.randomUUID(), "SKU-1", "Lamp", quantity, unit, lineTotal, 1);
        Address billing = new Address("Customer", "1 Home Road", null, "Home", null, "10000", s.country());
        return new OrderPlaced(orderId, s.id(), imported ? "PAID" : "PENDING", "EUR", List.of(line), lineTotal,
                BigDecimal.ZERO, lineTotal, null, s.address(), billing, s.card(), "WEB", clientIp, placedAt,
                imported);
    }

    public static PaymentCaptured captured(OrderPlaced o, Instant at) {
        return new PaymentCaptured(UUID.randomUUID(), o.orderId(), o.customerId(), o.total(), o.currency(), "sim",
                o.payment(), at);
    }

    public static PaymentDeclined declined(Shopper s, Instant at) {
        return new PaymentDeclined(UUID.randomUUID(), UUID.randomUUID(), s.id(), new BigDecimal("10.00"), "EUR",
                "card_declined", s.card(), at);
    }

    public static PaymentRefunded chargeback(OrderPlaced o, Instant at) {
        return new PaymentRefunded(UUID.randomUUID(), o.orderId(), o.customerId(), o.total(), o.currency(),
                "chargeback", "FRAUD_CHARGEBACK", at);
    }

    /** The record orders-service's outbox would produce for {@code event}: key, headers id and eventType. */
    public static ProducerRecord<String, String> record(DomainEvent event) {
        EventEnvelope<DomainEvent> envelope = EventEnvelope.wrap(event, "orders-service", Instant.now());
        ProducerRecord<String, String> record = new ProducerRecord<>(event.eventType().topic(),
                envelope.aggregateId(), EventCodec.toJson(envelope));
        record.headers().add("id", envelope.eventId().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add("eventType", envelope.type().getBytes(StandardCharsets.UTF_8));
        return record;
    }

    public static void send(DomainEvent... events) {
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (DomainEvent event : events) {
            records.add(record(event));
        }
        TopicProbe.sendAll(records);
    }

    /** compliance-service's FraudAssessed of the order, once it is on compliance.fraud. */
    public static FraudAssessed assessment(UUID orderId) {
        ConsumerRecord<String, String> record = TopicProbe.awaitKey(Topics.COMPLIANCE_FRAUD, orderId.toString(),
                FraudAssessed.TYPE.name());
        return EventCodec.data(EventCodec.parse(record.value()), FraudAssessed.TYPE);
    }

    /** Waits until compliance recorded {@code orders} orders of these customers in its feature history. */
    public static void awaitRecorded(List<UUID> customerIds, long orders) {
        String in = String.join(",", java.util.Collections.nCopies(customerIds.size(), "?"));
        Object[] ids = customerIds.stream().map(UUID::toString).toArray();
        await().atMost(Deadlines.ASYNC).until(() -> COMPLIANCE.count(
                "SELECT COUNT(*) FROM order_fact WHERE customer_id IN (" + in + ")", ids) == orders);
    }
}
