package io.eventcommerce.catalog;

import io.eventcommerce.events.orders.OrderDelivered;
import io.eventcommerce.testkit.Deadlines;
import io.eventcommerce.testkit.Database;
import io.eventcommerce.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.eventcommerce.catalog.CatalogFixtures.MANAGER;
import static io.eventcommerce.catalog.CatalogFixtures.createCategory;
import static io.eventcommerce.catalog.CatalogFixtures.product;
import static io.eventcommerce.catalog.CatalogFixtures.publish;
import static io.eventcommerce.catalog.CatalogFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class ReviewIT {

    private static final Database CATALOG = Database.of("catalog");

    private static String newProduct() {
        return given().auth().oauth2(MANAGER).contentType(ContentType.JSON)
                .body(product(unique("SKU"), createCategory())).post("/products")
                .then().statusCode(201).extract().path("id");
    }

    /** orders-service tells the catalog that the customer received these products. */
    private static void delivered(UUID customerId, String... productIds) {
        UUID orderId = UUID.randomUUID();
        publish(new OrderDelivered(orderId, customerId, UUID.randomUUID(),
                java.util.Arrays.stream(productIds).map(UUID::fromString).toList(), Instant.now()));
        await().atMost(Deadlines.ASYNC).until(() -> CATALOG.count(
                "SELECT COUNT(*) FROM verified_purchase WHERE customer_id = ? AND order_id = ?",
                customerId.toString(), orderId.toString()) == productIds.length);
    }

    private static Response review(UUID customerId, String productId, Object rating) {
        return given().auth().oauth2(TestTokens.customer(customerId)).contentType(ContentType.JSON)
                .body(Map.of("rating", rating, "title", "Boils fast"))
                .post("/products/" + productId + "/reviews");
    }

    @Test
    void onlyVerifiedBuyersReviewOnceEachAndTheRatingFollows() {
        String productId = newProduct();
        UUID buyer = UUID.randomUUID();
        UUID stranger = UUID.randomUUID();

        given().auth().oauth2(MANAGER).get("/products/" + productId + "/reviews/summary").then().statusCode(200)
                .body("reviewCount", equalTo(0)).body("average", nullValue());
        review(stranger, productId, 5).then().statusCode(403).contentType("application/problem+json");

        delivered(buyer, productId);
        review(buyer, productId, 4).then().statusCode(201).body("rating", equalTo(4))
                .body("verifiedPurchase", equalTo(true));
        review(buyer, productId, 1).then().statusCode(409);
        review(buyer, productId, 6).then().statusCode(422);

        UUID second = UUID.randomUUID();
        delivered(second, productId);
        review(second, productId, 5).then().statusCode(201);
        given().auth().oauth2(TestTokens.forRoles("analyst")).get("/products/" + productId + "/reviews/summary")
                .then().statusCode(200).body("reviewCount", equalTo(2)).body("average", equalTo(4.5f))
                .body("distribution", contains(0, 0, 0, 1, 1));
        given().auth().oauth2(MANAGER).get("/products/" + productId + "/reviews").then().statusCode(200)
                .body("totalItems", equalTo(2)).body("items.rating", contains(5, 4));
        assertThat(CATALOG.count("SELECT COUNT(*) FROM review WHERE product_id = ?", productId)).isEqualTo(2);

        given().auth().oauth2(MANAGER).contentType(ContentType.JSON).body(Map.of("rating", 5))
                .post("/products/" + productId + "/reviews").then().statusCode(403);
        review(buyer, UUID.randomUUID().toString(), 5).then().statusCode(404);
    }

    @Test
    void concurrentReviewsKeepTheRatingExact() throws Exception {
        String productId = newProduct();
        List<UUID> buyers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            UUID buyer = UUID.randomUUID();
            delivered(buyer, productId);
            buyers.add(buyer);
        }
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Callable<Response>> calls = new ArrayList<>();
            for (int i = 0; i < buyers.size(); i++) {
                UUID buyer = buyers.get(i);
                int stars = i % 5 + 1;
                calls.add(() -> review(buyer, productId, stars));
                calls.add(() -> review(buyer, productId, stars)); // the same customer twice at once
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Response> f : pool.invokeAll(calls)) {
                statuses.add(f.get().statusCode());
            }
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(10);
            assertThat(statuses).filteredOn(s -> s != 201).hasSize(10).containsOnly(409);
        } finally {
            pool.shutdown();
        }
        given().auth().oauth2(MANAGER).get("/products/" + productId + "/reviews/summary").then()
                .body("reviewCount", equalTo(10)).body("average", equalTo(3.0f))
                .body("distribution", contains(2, 2, 2, 2, 2));
    }
}
