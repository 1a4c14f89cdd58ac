package io.eventcommerce.orders;

import io.eventcommerce.events.EventCodec;
import io.eventcommerce.events.Topics;
import io.eventcommerce.events.catalog.PromotionCreated;
import io.eventcommerce.events.catalog.PromotionSnapshot;
import io.eventcommerce.events.catalog.PromotionUpdated;
import io.eventcommerce.events.orders.OrderPlaced;
import io.eventcommerce.testkit.Deadlines;
import io.eventcommerce.testkit.TestTokens;
import io.eventcommerce.testkit.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.eventcommerce.orders.OrdersFixtures.ORDERS;
import static io.eventcommerce.orders.OrdersFixtures.SUPPORT;
import static io.eventcommerce.orders.OrdersFixtures.createCustomer;
import static io.eventcommerce.orders.OrdersFixtures.deliverable;
import static io.eventcommerce.orders.OrdersFixtures.productInReplica;
import static io.eventcommerce.orders.OrdersFixtures.sendEvent;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Promotion codes: the replica fed by catalog.promotion, the discount, the checks and the usage limit. */
@QuarkusTest
class PromotionCodeIT {

    private static final Instant LAST_YEAR = Instant.now().minus(365, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MICROS);
    private static final Instant NEXT_YEAR = Instant.now().plus(365, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MICROS);

    private static PromotionSnapshot promotion(String code, String kind, String value, String minimum,
                                               Integer limit, Instant endsAt, long version, UUID id) {
        return new PromotionSnapshot(id, code, null, kind, new BigDecimal(value),
                minimum == null ? null : new BigDecimal(minimum), "USD", limit, LAST_YEAR, endsAt, "ACTIVE", version);
    }

    /** A promotion in the replica, as catalog-service would publish it. */
    private static String promotionInReplica(String kind, String value, String minimum, Integer limit,
                                             Instant endsAt) {
        String code = "P" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        UUID id = UUID.randomUUID();
        sendEvent(new PromotionCreated(promotion(code, kind, value, minimum, limit, endsAt, 0, id)),
                "catalog-service");
        await().atMost(Deadlines.ASYNC).until(() ->
                ORDERS.count("SELECT COUNT(*) FROM catalog_promotion WHERE code = ?", code) == 1);
        return code;
    }

    private static Response order(String customerId, UUID product, int quantity, String code) {
        return given().auth().oauth2(SUPPORT).contentType(ContentType.JSON)
                .body(deliverable(Map.of("customerId", customerId, "promotionCode", code,
                        "lines", List.of(Map.of("productId", product.toString(), "quantity", quantity)))))
                .post("/orders");
    }

    private static long timesUsed(String code) {
        return ORDERS.count("SELECT times_used FROM catalog_promotion WHERE code = ?", code);
    }

    @Test
    void aCodeTakesItsDiscountOffTheTotalAndTheEventCarriesIt() {
        String code = promotionInReplica("PERCENT", "15", "20.00", null, NEXT_YEAR);
        String customerId = createCustomer();
        UUID product = productInReplica("19.90");

        String id = order(customerId, product, 2, code.toLowerCase())
                .then().statusCode(201)
                .body("subtotal", equalTo(39.80f)).body("discount", equalTo(5.97f)).body("total", equalTo(33.83f))
                .body("promotionCode", equalTo(code)).extract().path("id");

        OrderPlaced placed = EventCodec.data(EventCodec.parse(
                TopicProbe.awaitKey(Topics.ORDERS_ORDER, id, "OrderPlaced").value()), OrderPlaced.TYPE);
        assertThat(placed.promotionCode()).isEqualTo(code);
        assertThat(placed.discount()).isEqualByComparingTo("5.97");
        assertThat(placed.total()).isEqualByComparingTo("33.83");
        assertThat(timesUsed(code)).isEqualTo(1);
        assertThat(ORDERS.count("SELECT COUNT(*) FROM promotion_usage WHERE order_id = ?", id)).isEqualTo(1);
    }

    @Test
    void aCodeThatDoesNotApplyIsRefusedAndNothingIsStored() {
        String customerId = createCustomer();
        UUID product = productInReplica("10.00");
        String minimum = promotionInReplica("FIXED", "5", "50.00", null, NEXT_YEAR);
        String expired = promotionInReplica("PERCENT", "10", null, null,
                Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MICROS));

        order(customerId, product, 1, "NO-SUCH-CODE").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("promotionCode"))
                .body("errors[0].message", equalTo("unknown promotion code"));
        order(customerId, product, 4, minimum).then().statusCode(422)
                .body("errors[0].message", equalTo("this code needs a subtotal of at least 50.00 USD"));
        order(customerId, product, 1, expired).then().statusCode(422)
                .body("errors[0].message", org.hamcrest.Matchers.startsWith("this code expired at"));
        assertThat(ORDERS.count("SELECT COUNT(*) FROM customer_order WHERE customer_id = ?", customerId)).isZero();
        assertThat(timesUsed(minimum) + timesUsed(expired)).isZero();

        order(customerId, product, 5, minimum).then().statusCode(201)
                .body("discount", equalTo(5.0f)).body("total", equalTo(45.0f));
    }

    @Test
    void aCodeWithAUsageLimitOfNIsUsedExactlyNTimesUnderConcurrentOrders() throws Exception {
        int limit = 5;
        int attempts = 24;
        String code = promotionInReplica("FIXED", "2.50", null, limit, NEXT_YEAR);
        UUID product = productInReplica("10.00");
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            customers.add(createCustomer());
        }
        ExecutorService pool = Executors.newFixedThreadPool(12);
        List<Response> responses = new ArrayList<>();
        try {
            List<Callable<Response>> calls = new ArrayList<>();
            for (String customer : customers) {
                calls.add(() -> order(customer, product, 1, code));
            }
            for (Future<Response> f : pool.invokeAll(calls)) {
                responses.add(f.get());
            }
        } finally {
            pool.shutdown();
        }

        assertThat(responses).filteredOn(r -> r.statusCode() == 201).hasSize(limit);
        assertThat(responses).filteredOn(r -> r.statusCode() == 422)
                .hasSize(attempts - limit)
                .allSatisfy(r -> assertThat(r.<String>path("errors[0].message"))
                        .isEqualTo("this code has reached its usage limit"));
        assertThat(timesUsed(code)).isEqualTo(limit);
        assertThat(ORDERS.count("SELECT COUNT(*) FROM customer_order WHERE promotion_code = ?", code))
                .isEqualTo(limit);
        assertThat(ORDERS.count("SELECT COUNT(*) FROM promotion_usage u JOIN catalog_promotion p "
                + "ON p.promotion_id = u.promotion_id WHERE p.code = ?", code)).isEqualTo(limit);
    }

    @Test
    void aCancelledOrderGivesItsUseBackAndAReplicaUpdateKeepsTheCount() {
        UUID id = UUID.randomUUID();
        String code = "P" + id.toString().substring(0, 8).toUpperCase();
        sendEvent(new PromotionCreated(promotion(code, "PERCENT", "10", null, 1, NEXT_YEAR, 0, id)),
                "catalog-service");
        await().atMost(Deadlines.ASYNC).until(() ->
                ORDERS.count("SELECT COUNT(*) FROM catalog_promotion WHERE code = ?", code) == 1);
        String customerId = createCustomer();
        UUID product = productInReplica("10.00");

        String first = order(customerId, product, 1, code).then().statusCode(201).extract().path("id");
        order(customerId, product, 1, code).then().statusCode(422);

        // catalog-service edits the promotion: the replica takes the new terms, the count of uses stays.
        sendEvent(new PromotionUpdated(promotion(code, "PERCENT", "20", null, 1, NEXT_YEAR, 1, id)),
                "catalog-service");
        await().atMost(Deadlines.ASYNC).until(() ->
                ORDERS.count("SELECT version FROM catalog_promotion WHERE code = ?", code) == 1);
        assertThat(timesUsed(code)).isEqualTo(1);
        order(customerId, product, 1, code).then().statusCode(422);

        given().auth().oauth2(TestTokens.forRoles("support")).contentType(ContentType.JSON).body(Map.of())
                .post("/orders/" + first + "/cancel").then().statusCode(200).body("status", equalTo("CANCELLED"));
        assertThat(timesUsed(code)).isZero();
        order(customerId, product, 1, code).then().statusCode(201).body("discount", equalTo(2.0f));
        assertThat(timesUsed(code)).isEqualTo(1);
        given().auth().oauth2(SUPPORT).queryParam("customerId", customerId).get("/orders")
                .then().statusCode(200).body("items.promotionCode", hasItem(code));
    }
}
