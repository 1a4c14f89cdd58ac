package io.eventcommerce.orders;

import io.eventcommerce.events.EventCodec;
import io.eventcommerce.events.Topics;
import io.eventcommerce.events.orders.CustomerRegistered;
import io.eventcommerce.testkit.TestTokens;
import io.eventcommerce.testkit.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.eventcommerce.orders.OrdersFixtures.ORDERS;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class CustomerImportIT {

    private static final String ADMIN = TestTokens.forRoles("admin");

    private static Map<String, Object> historical(String registeredAt) {
        String id = UUID.randomUUID().toString();
        Map<String, Object> customer = new HashMap<>();
        customer.put("id", id);
        customer.put("email", "Hist-" + id + "@Example.com");
        customer.put("firstName", "Mary");
        customer.put("lastName", "Shelley");
        customer.put("country", "DE");
        customer.put("segment", "WHOLESALE");
        customer.put("registeredAt", registeredAt);
        return customer;
    }

    private static io.restassured.response.Response post(String token, List<Map<String, Object>> customers) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("customers", customers))
                .post("/admin/customers/import");
    }

    private static long stored(Map<String, Object> customer) {
        return ORDERS.count("SELECT COUNT(*) FROM customer WHERE id = ?", customer.get("id"));
    }

    @Test
    void customersKeepTheirRegistrationTimeArePublishedWithItAndASecondSendingSkipsThem() {
        Map<String, Object> first = historical("2024-01-02T10:00:00Z");
        Map<String, Object> second = historical("2023-06-30T23:59:59.123456Z");
        second.remove("segment");
        second.remove("country");
        post(ADMIN, List.of(first, second)).then().statusCode(200)
                .body("imported", equalTo(2)).body("skipped", equalTo(0));

        Map<String, Object> row = ORDERS.query("SELECT * FROM customer WHERE id = ?", first.get("id")).get(0);
        assertThat(((LocalDateTime) row.get("created_at")).toInstant(ZoneOffset.UTC))
                .isEqualTo(Instant.parse("2024-01-02T10:00:00Z"));
        assertThat(row.get("email")).isEqualTo(((String) first.get("email")).toLowerCase());
        assertThat(row.get("segment")).isEqualTo("WHOLESALE");
        given().auth().oauth2(ADMIN).get("/customers/" + first.get("id")).then().statusCode(200)
                .body("createdAt", equalTo("2024-01-02T10:00:00Z")).body("lastName", equalTo("Shelley"));

        var firstEvent = TopicProbe.awaitKey(Topics.ORDERS_CUSTOMER, (String) first.get("id"), "CustomerRegistered");
        assertThat(EventCodec.data(EventCodec.parse(firstEvent.value()), CustomerRegistered.TYPE)).isEqualTo(
                new CustomerRegistered(UUID.fromString((String) first.get("id")), "DE", "WHOLESALE",
                        Instant.parse("2024-01-02T10:00:00Z")));
        assertThat(firstEvent.value()).doesNotContain("Shelley", "Mary", ((String) first.get("email")).toLowerCase());
        var secondEvent = TopicProbe.awaitKey(Topics.ORDERS_CUSTOMER, (String) second.get("id"),
                "CustomerRegistered");
        assertThat(EventCodec.data(EventCodec.parse(secondEvent.value()), CustomerRegistered.TYPE)).isEqualTo(
                new CustomerRegistered(UUID.fromString((String) second.get("id")), null, "NEW",
                        Instant.parse("2023-06-30T23:59:59.123456Z")));

        // Sent again, with one new customer: only that one is imported, the others publish nothing new.
        Map<String, Object> third = historical("2024-02-01T08:00:00Z");
        post(ADMIN, List.of(first, second, third)).then().statusCode(200)
                .body("imported", equalTo(1)).body("skipped", equalTo(2));
        TopicProbe.awaitKey(Topics.ORDERS_CUSTOMER, (String) third.get("id"), "CustomerRegistered");
        assertThat(TopicProbe.readAll(Topics.ORDERS_CUSTOMER).stream()
                .filter(r -> first.get("id").equals(r.key()) || second.get("id").equals(r.key()))).hasSize(2);
    }

    @Test
    void anEmailOfAnotherCustomerRefusesTheWholeBatch() {
        String taken = "taken-" + UUID.randomUUID() + "@example.com";
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("email", taken, "firstName", "A", "lastName", "B")).post("/customers")
                .then().statusCode(201);
        Map<String, Object> fine = historical("2024-01-02T10:00:00Z");
        Map<String, Object> clash = historical("2024-01-02T10:00:00Z");
        clash.put("email", taken.toUpperCase());
        post(ADMIN, List.of(fine, clash)).then().statusCode(409).contentType("application/problem+json");
        assertThat(stored(fine)).isZero();
        assertThat(stored(clash)).isZero();

        // Two customers of one batch with one address: the same.
        Map<String, Object> twin = historical("2024-01-02T10:00:00Z");
        twin.put("email", fine.get("email"));
        post(ADMIN, List.of(fine, twin)).then().statusCode(409).contentType("application/problem+json");
        assertThat(stored(fine)).isZero();
        assertThat(stored(twin)).isZero();
        assertThat(TopicProbe.readAll(Topics.ORDERS_CUSTOMER).stream()
                .filter(r -> fine.get("id").equals(r.key()) || clash.get("id").equals(r.key())
                        || twin.get("id").equals(r.key()))).isEmpty();
    }

    @Test
    void invalidCustomersAreRefusedWithTheirFieldsAndOnlyAdminsImport() {
        Map<String, Object> fine = historical("2024-01-02T10:00:00Z");
        Map<String, Object> future = historical(Instant.now().plusSeconds(3600).toString());
        Map<String, Object> bad = historical("2024-01-02T10:00:00Z");
        bad.put("email", "not-an-email");
        bad.put("segment", "GOLD");
        bad.remove("registeredAt");
        post(ADMIN, List.of(fine, future, bad)).then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("customers[1].registeredAt",
                        "customers[2].email", "customers[2].segment", "customers[2].registeredAt"));
        assertThat(stored(fine)).isZero();
        post(ADMIN, List.of()).then().statusCode(422);
        Map<String, Object> again = new HashMap<>(fine);
        post(ADMIN, List.of(fine, again)).then().statusCode(422).body("errors.field", contains("customers"));
        assertThat(stored(fine)).isZero();

        post(TestTokens.forRoles("support"), List.of(fine)).then().statusCode(403);
        assertThat(stored(fine)).isZero();
    }
}
