package io.eventcommerce.catalog;

import io.eventcommerce.events.DomainEvent;
import io.eventcommerce.events.EventCodec;
import io.eventcommerce.events.EventEnvelope;
import io.eventcommerce.events.Topics;
import io.eventcommerce.testkit.TestTokens;
import io.eventcommerce.testkit.TopicProbe;
import io.restassured.http.ContentType;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Builders for catalog requests; each call makes unique names, so tests never collide. */
final class CatalogFixtures {

    static final String MANAGER = TestTokens.forRoles("catalog-manager");

    private CatalogFixtures() {
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String createCategory() {
        return given().auth().oauth2(MANAGER).contentType(ContentType.JSON)
                .body(Map.of("name", unique("Category")))
                .post("/categories").then().statusCode(201).extract().path("id");
    }

    /** Publishes an orders-service event on orders.order as its outbox would: key, headers id and eventType. */
    static void publish(DomainEvent event) {
        EventEnvelope<?> envelope = EventEnvelope.wrap(event, "orders-service", Instant.now());
        TopicProbe.send(Topics.ORDERS_ORDER, envelope.aggregateId(), EventCodec.toJson(envelope),
                Map.of("id", envelope.eventId().toString(), "eventType", envelope.type()));
    }

    static Map<String, Object> product(String sku, String categoryId) {
        Map<String, Object> product = new LinkedHashMap<>();
        product.put("sku", sku);
        product.put("name", "Kettle " + sku);
        product.put("description", "1.7 l, stainless steel");
        product.put("brand", "Acme");
        product.put("categoryId", categoryId);
        product.put("price", "19.90");
        product.put("cost", "7.10");
        product.put("currency", "USD");
        product.put("status", "ACTIVE");
        product.put("attributes", Map.of("colour", "red"));
        return product;
    }
}
