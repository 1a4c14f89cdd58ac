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
     * Row counts of what vendor onboarding writes for one vendor and warehouse, for "nothing was written"
     * assertions: only the test's own rows, never a global count other tests change.
     */
    static Map<String, Long> onboardingRowsOf(String vendorId, String warehouseId) {
        Database catalog = Database.of("catalog");
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("vendor_upload", catalog.count("SELECT COUNT(*) FROM vendor_upload WHERE vendor_id = ?",
                vendorId));
        counts.put("vendor_upload_chunk", catalog.count("SELECT COUNT(*) FROM vendor_upload_chunk c JOIN "
                + "vendor_upload u ON u.id = c.upload_id WHERE u.vendor_id = ?", vendorId));
        counts.put("vendor_upload_error", catalog.count("SELECT COUNT(*) FROM vendor_upload_error e JOIN "
                + "vendor_upload u ON u.id = e.upload_id WHERE u.vendor_id = ?", vendorId));
        counts.put("product", catalog.count("SELECT COUNT(*) FROM product WHERE vendor_id = ?", vendorId));
        counts.put("stock_level", catalog.count("SELECT COUNT(*) FROM stock_level WHERE warehouse_id = ?",
                warehouseId));
        counts.put("inventory_movement", catalog.count("SELECT COUNT(*) FROM inventory_movement "
                + "WHERE warehouse_id = ?", warehouseId));
        return counts;
    }

    /** The statuses an upload ends in. */
    static final java.util.Set<String> FINAL = java.util.Set.of("COMPLETED", "FAILED", "CANCELLED");

    /**
     * Polls an upload until it is final (the worker processes it in the background) and returns it. The deadline
     * is generous: a large file on the busy build machine takes minutes.
     */
    static io.restassured.path.json.JsonPath awaitUpload(String token, String vendorId, String uploadId) {
        io.restassured.path.json.JsonPath[] last = new io.restassured.path.json.JsonPath[1];
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofMinutes(10))
                .pollInterval(java.time.Duration.ofMillis(500)).until(() -> {
                    last[0] = given().auth().oauth2(token).get("/vendors/" + vendorId + "/uploads/" + uploadId)
                            .then().statusCode(200).extract().jsonPath();
                    return FINAL.contains(last[0].getString("status"));
                });
        return last[0];
    }

    /** Sends a file, expects 202 with a Location, and waits for the upload to be final. */
    static io.restassured.path.json.JsonPath uploadAndAwait(String token, String vendorId, String warehouseId,
                                                            String csv) {
        io.restassured.response.Response response = upload(token, vendorId, warehouseId, csv);
        response.then().statusCode(202);
        String id = response.path("id");
        org.assertj.core.api.Assertions.assertThat(response.header("Location")).endsWith("/uploads/" + id);
        return awaitUpload(token, vendorId, id);
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
