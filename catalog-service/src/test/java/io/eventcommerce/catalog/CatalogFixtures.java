package io.eventcommerce.catalog;

import io.eventcommerce.events.DomainEvent;
import io.eventcommerce.events.EventCodec;
import io.eventcommerce.events.EventEnvelope;
import io.eventcommerce.events.Topics;
import io.eventcommerce.testkit.Database;
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

    /**
     * Publishes an orders-service event on orders.order as its outbox would: key, headers id and eventType. Returns
     * the event's id.
     */
    static java.util.UUID publish(DomainEvent event) {
        EventEnvelope<?> envelope = EventEnvelope.wrap(event, "orders-service", Instant.now());
        TopicProbe.send(Topics.ORDERS_ORDER, envelope.aggregateId(), EventCodec.toJson(envelope),
                Map.of("id", envelope.eventId().toString(), "eventType", envelope.type()));
        return envelope.eventId();
    }

    /** An active vendor; returns its id. */
    static String createVendor() {
        String name = unique("Vendor");
        return given().auth().oauth2(MANAGER).contentType(ContentType.JSON)
                .body(Map.of("name", name, "email", name.toLowerCase() + "@example.com", "country", "DE"))
                .post("/vendors").then().statusCode(201).extract().path("id");
    }

    static String createWarehouse() {
        return given().auth().oauth2(MANAGER).contentType(ContentType.JSON)
                .body(Map.of("code", unique("WH").toUpperCase(), "name", "Warehouse", "country", "DE"))
                .post("/warehouses").then().statusCode(201).extract().path("id");
    }

    /** Sends a CSV file as {@code token} and returns the response, whatever its status. */
    static io.restassured.response.Response upload(String token, String vendorId, String warehouseId, String csv) {
        return given().auth().oauth2(token).contentType("text/csv; charset=UTF-8")
                .queryParam("warehouseId", warehouseId).queryParam("filename", "products.csv")
                .body(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/vendors/" + vendorId + "/uploads");
    }

    /**
     * Row counts of the tables vendor onboarding writes, for "nothing was written" assertions (the messaging tables
     * change with other tests' events still being consumed).
     */
    static Map<String, Long> onboardingRowCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : java.util.List.of("vendor", "vendor_upload", "vendor_upload_error", "product",
                "stock_level", "inventory_movement")) {
            counts.put(table, Database.of("catalog").count("SELECT COUNT(*) FROM " + table));
        }
        return counts;
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
