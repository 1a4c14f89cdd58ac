package io.eventcommerce.orders;

import io.eventcommerce.events.Topics;
import io.eventcommerce.servicekit.pci.CardNumbers;
import io.eventcommerce.testkit.TestTokens;
import io.eventcommerce.testkit.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.eventcommerce.orders.OrdersFixtures.ADDRESS;
import static io.eventcommerce.orders.OrdersFixtures.ORDERS;
import static io.eventcommerce.orders.OrdersFixtures.createCustomer;
import static io.eventcommerce.orders.OrdersFixtures.deliverable;
import static io.eventcommerce.orders.OrdersFixtures.productInReplica;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

/** PCI DSS: a card number is accepted only for tokenization and is then nowhere: not in a table, log or event. */
@QuarkusTest
class CardDataIT {

    private static final String PAN = "4242424242424242";
    private static final String DECLINING_PAN = "4000 0000 0000 0002";

    @Test
    void aCardIsTokenizedAndOnlyTokenBrandLastFourAndExpiryAreKept() {
        UUID customerId = UUID.fromString(createCustomer());
        String token = TestTokens.customer(customerId);
        String methodId = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("cardNumber", PAN, "expMonth", 12, "expYear", 2031, "cvc", "123"))
                .post("/customers/" + customerId + "/payment-methods")
                .then().statusCode(201)
                .body("brand", equalTo("visa")).body("last4", equalTo("4242"))
                .body(not(containsString(PAN))).body(not(containsString("123\"")))
                .extract().path("id");
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("cardNumber", DECLINING_PAN, "expMonth", 1, "expYear", 2030, "cvc", "999"))
                .post("/customers/" + customerId + "/payment-methods").then().statusCode(201)
                .body("last4", equalTo("0002"));
        given().auth().oauth2(token).get("/customers/" + customerId + "/payment-methods").then().statusCode(200)
                .body("totalItems", equalTo(2)).body("items.size()", equalTo(2))
                .body("items[0].last4", equalTo("4242"));
        given().auth().oauth2(token).queryParam("size", 1).queryParam("page", 1)
                .get("/customers/" + customerId + "/payment-methods").then().statusCode(200)
                .body("totalPages", equalTo(2)).body("items.size()", equalTo(1))
                .body("items[0].last4", equalTo("0002"));
        given().auth().oauth2(token).queryParam("size", 1000)
                .get("/customers/" + customerId + "/payment-methods").then().statusCode(422);
        given().auth().oauth2(TestTokens.customer(UUID.randomUUID()))
                .get("/customers/" + customerId + "/payment-methods").then().statusCode(404);

        UUID product = productInReplica("12.00");
        String orderId = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(deliverable(Map.of("paymentMethodId", methodId,
                        "lines", List.of(Map.of("productId", product.toString(), "quantity", 1)))))
                .post("/orders").then().statusCode(201).extract().path("id");
        assertThat(TopicProbe.awaitKey(Topics.ORDERS_ORDER, orderId, "OrderPlaced").value())
                .contains("\"last4\":\"4242\"").doesNotContain("tok_sim_").doesNotContain(PAN)
                .containsPattern("\"fingerprint\":\"sim_[0-9a-f]{12}\"");

        // The simulator's ready-made token has no fingerprint: the customer's saved method of it is its own card.
        String readyMade = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(deliverable(Map.of("paymentToken", "tok_approve",
                        "lines", List.of(Map.of("productId", product.toString(), "quantity", 1)))))
                .post("/orders").then().statusCode(201).extract().path("id");
        assertThat(TopicProbe.awaitKey(Topics.ORDERS_ORDER, readyMade, "OrderPlaced").value())
                .containsPattern("\"fingerprint\":\"method_[0-9a-f-]{36}\"");
    }

    @Test
    void aCardNumberWhereNoneBelongsIsRefusedAndNothingIsStored() {
        UUID customerId = UUID.fromString(createCustomer());
        UUID product = productInReplica("12.00");
        String email = "pan-" + UUID.randomUUID() + "@example.com";
        Map<String, Object> address = new HashMap<>(ADDRESS);
        address.put("line2", "card 4242 4242 4242 4242 exp 12/31");
        for (Map<String, Object> body : List.of(
                deliverable(Map.of("customerId", customerId.toString(), "shippingAddress", address,
                        "lines", List.of(Map.of("productId", product.toString(), "quantity", 1)))),
                deliverable(Map.of("customerId", customerId.toString(), "paymentToken", PAN,
                        "lines", List.of(Map.of("productId", product.toString(), "quantity", 1)))))) {
            given().auth().oauth2(OrdersFixtures.SUPPORT).contentType(ContentType.JSON).body(body).post("/orders")
                    .then().statusCode(422).contentType("application/problem+json")
                    .body("errors[0].message", equalTo("must not contain a card number"))
                    .body(not(containsString("4242")));
        }
        given().auth().oauth2(OrdersFixtures.SUPPORT).contentType(ContentType.JSON)
                .body(Map.of("email", email, "firstName", PAN, "lastName", "X")).post("/customers")
                .then().statusCode(422).body("errors[0].field", equalTo("firstName"));
        // Nothing of this test's customer and e-mail was stored (counted on its own rows: other tests write too).
        assertThat(ORDERS.count("SELECT COUNT(*) FROM customer_order WHERE customer_id = ?", customerId.toString()))
                .isZero();
        assertThat(ORDERS.count("SELECT COUNT(*) FROM customer WHERE email = ?", email)).isZero();
    }

    /** Dots and slashes are card formatting too, and a URL is no place for a card number: query or path. */
    @Test
    void aCardNumberWrittenWithDotsOrSlashesOrInAParameterIsRefusedAndNothingIsStored() {
        String email = "pan-param-" + UUID.randomUUID() + "@example.com";
        given().auth().oauth2(OrdersFixtures.SUPPORT).contentType(ContentType.JSON)
                .body(Map.of("email", email, "firstName", "A", "lastName", "4242.4242.4242.4242")).post("/customers")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("lastName")).body(not(containsString("4242.4242")));
        given().auth().oauth2(OrdersFixtures.SUPPORT).contentType(ContentType.JSON)
                .body(Map.of("email", email, "firstName", "card 5555/5555/5555/4444 exp 12/31", "lastName", "X"))
                .post("/customers")
                .then().statusCode(422).body("errors[0].field", equalTo("firstName"))
                .body(not(containsString("5555")));
        // A body that is fine, with a card number in a query parameter: refused before the resource runs.
        given().auth().oauth2(OrdersFixtures.SUPPORT).contentType(ContentType.JSON)
                .queryParam("note", "4242 4242 4242 4242")
                .body(Map.of("email", email, "firstName", "A", "lastName", "X")).post("/customers")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("note"))
                .body("errors[0].message", equalTo("must not contain a card number"))
                .body(not(containsString("4242 4242"))).body(not(containsString(PAN)));
        given().auth().oauth2(OrdersFixtures.SUPPORT).queryParam("status", "4242-4242-4242-4242").get("/orders")
                .then().statusCode(422).body("errors[0].field", equalTo("status"))
                .body(not(containsString("4242-4242")));
        given().auth().oauth2(OrdersFixtures.SUPPORT).get("/orders/" + PAN)
                .then().statusCode(422).body("errors[0].field", equalTo("id"))
                .body("instance", equalTo("/orders/****4242")).body(not(containsString(PAN)));
        assertThat(ORDERS.count("SELECT COUNT(*) FROM customer WHERE email = ?", email)).isZero();
    }

    /** Sends card numbers every way the other tests do, then scans everything orders-service keeps or emits. */
    @Test
    void zNoCardNumberIsInAnyTableLogLineOrEvent() throws Exception {
        aCardIsTokenizedAndOnlyTokenBrandLastFourAndExpiryAreKept();
        aCardNumberWhereNoneBelongsIsRefusedAndNothingIsStored();
        aCardNumberWrittenWithDotsOrSlashesOrInAParameterIsRefusedAndNothingIsStored();

        int scannedRows = 0;
        for (String table : ORDERS.tables()) {
            for (Map<String, Object> row : ORDERS.query("SELECT * FROM " + table)) {
                scannedRows++;
                assertThat(CardNumbers.find(row.toString())).as("table %s row %s", table, row).isEmpty();
            }
        }
        assertThat(scannedRows).isPositive();

        Path log = Path.of("target/orders-service-test.log");
        assertThat(log).exists();
        List<String> lines = Files.readAllLines(log);
        assertThat(lines).anyMatch(l -> l.contains("Refused a card number"));
        assertThat(lines).allSatisfy(l -> assertThat(CardNumbers.find(l)).as(l).isEmpty());

        int events = 0;
        for (String topic : List.of(Topics.ORDERS_ORDER, Topics.ORDERS_PAYMENT)) {
            for (ConsumerRecord<String, String> record : TopicProbe.readAll(topic)) {
                events++;
                assertThat(CardNumbers.find(record.value())).as(record.value()).isEmpty();
            }
        }
        assertThat(events).isPositive();
    }
}
