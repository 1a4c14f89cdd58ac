package io.eventcommerce.orders;

import io.eventcommerce.events.Topics;
import io.eventcommerce.testkit.TestTokens;
import io.eventcommerce.testkit.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.eventcommerce.orders.OrdersFixtures.ORDERS;
import static io.eventcommerce.orders.OrdersFixtures.SUPPORT;
import static io.eventcommerce.orders.OrdersFixtures.awaitReplica;
import static io.eventcommerce.orders.OrdersFixtures.createCustomer;
import static io.eventcommerce.orders.OrdersFixtures.deliverable;
import static io.eventcommerce.orders.OrdersFixtures.productInReplica;
import static io.eventcommerce.orders.OrdersFixtures.send;
import static io.eventcommerce.orders.OrdersFixtures.snapshot;
import static io.eventcommerce.orders.OrdersFixtures.updated;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * Every bad order request gets a 4xx problem+json and leaves no order, line or event behind. Checked on what the test
 * owns, its own new customer (and the other customer ids it sent): the saga and other tests keep writing orders and
 * events meanwhile, so global counts would prove nothing and fail at random.
 */
@QuarkusTest
class OrderRejectionIT {

    private String customerId;
    private UUID product;
    private final List<String> otherCustomerIds = new ArrayList<>();

    @BeforeEach
    void setUp() {
        customerId = createCustomer();
        product = productInReplica("9.99");
    }

    private void assertNothingPersistedOrPublished() {
        List<String> customers = new ArrayList<>(otherCustomerIds);
        customers.add(customerId);
        for (String customer : customers) {
            assertThat(ORDERS.count("SELECT COUNT(*) FROM customer_order WHERE customer_id = ?", customer))
                    .as("orders of customer %s", customer).isZero();
        }
        assertThat(ORDERS.count("SELECT COUNT(*) FROM outbox_event")).isZero();
        // A valid order placed now must be the only order event of these customers: rejected ones published nothing.
        String marker = given().auth().oauth2(SUPPORT).contentType(ContentType.JSON).body(order(line(product, 1)))
                .post("/orders").then().statusCode(201).extract().path("id");
        TopicProbe.awaitKey(Topics.ORDERS_ORDER, marker, "OrderPlaced");
        assertThat(TopicProbe.readAll(Topics.ORDERS_ORDER))
                .filteredOn(r -> customers.stream().anyMatch(c -> r.value().contains(c)))
                .extracting(r -> r.key()).containsOnly(marker);
    }

    private Map<String, Object> order(Map<String, Object>... lines) {
        Map<String, Object> order = new HashMap<>();
        order.put("customerId", customerId);
        order.put("lines", List.of(lines));
        return deliverable(order);
    }

    private static Map<String, Object> line(UUID productId, Object quantity) {
        Map<String, Object> line = new HashMap<>();
        line.put("productId", productId == null ? null : productId.toString());
        line.put("quantity", quantity);
        return line;
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    private static ValidatableResponse problem(ValidatableResponse response, int status, String type) {
        return response.statusCode(status).contentType("application/problem+json")
                .body("type", equalTo("https://eventcommerce.io/problems/" + type))
                .body("instance", equalTo("/orders"))
                .body(not(containsString("Exception")));
    }

    @Test
    void malformedJson() {
        problem(as(SUPPORT).body("{\"customerId\": \"" + customerId + "\", \"lines\": [").post("/orders").then(),
                400, "malformed-request");
        assertNothingPersistedOrPublished();
    }

    @Test
    void aPriceInTheRequestIsRefusedNotUsed() {
        Map<String, Object> line = line(product, 1);
        line.put("unitPrice", "0.01");
        problem(as(SUPPORT).body(order(line)).post("/orders").then(), 400, "malformed-request")
                .body("errors[0].field", equalTo("lines[0].unitPrice"));
        assertNothingPersistedOrPublished();
    }

    @Test
    void missingFields() {
        problem(as(SUPPORT).body(Map.of("customerId", customerId)).post("/orders").then(), 422, "validation-failed")
                .body("errors.field", hasItem("lines"));
        problem(as(SUPPORT).body(order(line(null, null))).post("/orders").then(), 422, "validation-failed")
                .body("errors.field", hasItem("lines[0].productId"))
                .body("errors.field", hasItem("lines[0].quantity"));
        problem(as(SUPPORT).body(deliverable(Map.of("lines", List.of(line(product, 1))))).post("/orders").then(),
                422, "validation-failed").body("errors[0].field", equalTo("customerId"));
        assertNothingPersistedOrPublished();
    }

    @Test
    void zeroNegativeOrAbsurdQuantity() {
        for (int quantity : new int[]{0, -3, 1_000_000}) {
            problem(as(SUPPORT).body(order(line(product, quantity))).post("/orders").then(), 422, "validation-failed")
                    .body("errors[0].field", equalTo("lines[0].quantity"));
        }
        assertNothingPersistedOrPublished();
    }

    @Test
    void unknownOrUnavailableProduct() {
        problem(as(SUPPORT).body(order(line(product, 1), line(UUID.randomUUID(), 1))).post("/orders").then(),
                422, "validation-failed")
                .body("errors[0].field", equalTo("lines[1].productId"))
                .body("errors[0].message", equalTo("unknown product"));
        UUID discontinued = productInReplica("5.00");
        send(updated(snapshot(discontinued, "5.00", "DISCONTINUED", 1)));
        awaitReplica(discontinued, 1);
        problem(as(SUPPORT).body(order(line(discontinued, 1))).post("/orders").then(), 422, "validation-failed")
                .body("errors[0].message", equalTo("not available (DISCONTINUED)"));
        assertNothingPersistedOrPublished();
    }

    @Test
    void unknownCustomer() {
        Map<String, Object> order = order(line(product, 1));
        String unknown = UUID.randomUUID().toString();
        otherCustomerIds.add(unknown);
        order.put("customerId", unknown);
        problem(as(SUPPORT).body(order).post("/orders").then(), 422, "validation-failed")
                .body("errors[0].field", equalTo("customerId"))
                .body("errors[0].message", equalTo("unknown customer"));
        assertNothingPersistedOrPublished();
    }

    @Test
    void noTokenWrongRoleOrSomeoneElsesCustomerId() {
        problem(given().contentType(ContentType.JSON).body(order(line(product, 1))).post("/orders").then(),
                401, "unauthorized");
        problem(as(TestTokens.forRoles("catalog-manager")).body(order(line(product, 1))).post("/orders").then(),
                403, "forbidden");
        UUID someoneElse = UUID.randomUUID();
        otherCustomerIds.add(someoneElse.toString());
        problem(as(TestTokens.customer(someoneElse)).body(order(line(product, 1))).post("/orders").then(),
                403, "forbidden");
        assertNothingPersistedOrPublished();
    }
}
