package io.eventcommerce.orders;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventcommerce.events.EventCodec;
import io.eventcommerce.events.EventEnvelope;
import io.eventcommerce.events.Topics;
import io.eventcommerce.events.orders.CustomerRegistered;
import io.eventcommerce.events.orders.CustomerUpdated;
import io.eventcommerce.testkit.TestTokens;
import io.eventcommerce.testkit.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.eventcommerce.orders.OrdersFixtures.ORDERS;
import static io.eventcommerce.orders.OrdersFixtures.SUPPORT;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class CustomerIT {

    @Test
    void registersACustomerWithAUniqueCaseInsensitiveEmail() {
        String email = "Grace." + UUID.randomUUID() + "@Example.com";
        String id = given().auth().oauth2(SUPPORT).contentType(ContentType.JSON)
                .body(Map.of("email", email, "firstName", "Grace", "lastName", "Hopper", "segment", "VIP"))
                .post("/customers")
                .then().statusCode(201).body("email", equalTo(email.toLowerCase())).body("segment", equalTo("VIP"))
                .extract().path("id");

        given().auth().oauth2(SUPPORT).contentType(ContentType.JSON)
                .body(Map.of("email", email.toUpperCase(), "firstName", "G", "lastName", "H"))
                .post("/customers")
                .then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(SUPPORT).contentType(ContentType.JSON)
                .body(Map.of("email", "not-an-email", "firstName", "G", "lastName", "H", "country", "Germany"))
                .post("/customers")
                .then().statusCode(422).body("errors.size()", equalTo(2));
        // Counted on the test's own address: other tests register customers meanwhile.
        assertThat(ORDERS.count("SELECT COUNT(*) FROM customer WHERE email = ?", email.toLowerCase())).isEqualTo(1);

        given().auth().oauth2(TestTokens.customer(UUID.fromString(id))).get("/customers/" + id)
                .then().statusCode(200).body("lastName", equalTo("Hopper"));
        given().auth().oauth2(TestTokens.customer(UUID.randomUUID())).get("/customers/" + id)
                .then().statusCode(404);
        given().auth().oauth2(TestTokens.forRoles("customer")).contentType(ContentType.JSON)
                .body(Map.of("email", "x@example.com", "firstName", "G", "lastName", "H"))
                .post("/customers").then().statusCode(403);
    }

    @Test
    void staffFindACustomerByEmailInAnyCase() {
        String email = "ada." + UUID.randomUUID() + "@example.com";
        String id = given().auth().oauth2(SUPPORT).contentType(ContentType.JSON)
                .body(Map.of("email", email, "firstName", "Ada", "lastName", "Lovelace"))
                .post("/customers").then().statusCode(201).extract().path("id");

        given().auth().oauth2(SUPPORT).queryParam("email", email.toUpperCase()).get("/customers")
                .then().statusCode(200).body("size()", equalTo(1)).body("[0].id", equalTo(id));
        given().auth().oauth2(SUPPORT).queryParam("email", "nobody." + UUID.randomUUID() + "@example.com")
                .get("/customers").then().statusCode(200).body("size()", equalTo(0));
        given().auth().oauth2(SUPPORT).queryParam("email", "not-an-email").get("/customers")
                .then().statusCode(422).contentType("application/problem+json");
        given().auth().oauth2(SUPPORT).get("/customers").then().statusCode(422);
        given().auth().oauth2(TestTokens.customer(UUID.fromString(id))).queryParam("email", email)
                .get("/customers").then().statusCode(403);
    }

    @Test
    void registrationAndEachChangeOfCountryOrSegmentArePublishedWithoutPersonalData() {
        String email = "lin." + UUID.randomUUID() + "@example.com";
        String id = given().auth().oauth2(SUPPORT).contentType(ContentType.JSON)
                .body(Map.of("email", email, "firstName", "Lin", "lastName", "Wu", "segment", "REGULAR",
                        "country", "DE"))
                .post("/customers").then().statusCode(201).extract().path("id");
        Instant createdAt = ((LocalDateTime) ORDERS.query("SELECT created_at FROM customer WHERE id = ?", id).get(0)
                .get("created_at")).toInstant(ZoneOffset.UTC);

        ConsumerRecord<String, String> registered = TopicProbe.awaitKey(Topics.ORDERS_CUSTOMER, id,
                "CustomerRegistered");
        EventEnvelope<JsonNode> envelope = EventCodec.parse(registered.value());
        assertThat(envelope.aggregateId()).isEqualTo(id);
        assertThat(envelope.schemaVersion()).isEqualTo(1);
        assertThat(EventCodec.data(envelope, CustomerRegistered.TYPE)).isEqualTo(
                new CustomerRegistered(UUID.fromString(id), "DE", "REGULAR", createdAt));
        assertThat(registered.value()).doesNotContain(email, "Lin", "Wu");

        // Unchanged values change nothing; then the segment, then the country: one event each, the whole state.
        given().auth().oauth2(SUPPORT).contentType(ContentType.JSON).body(Map.of("segment", "REGULAR", "country", "DE"))
                .patch("/customers/" + id).then().statusCode(200).body("segment", equalTo("REGULAR"));
        given().auth().oauth2(SUPPORT).contentType(ContentType.JSON).body(Map.of("segment", "VIP"))
                .patch("/customers/" + id).then().statusCode(200).body("segment", equalTo("VIP"))
                .body("country", equalTo("DE"));
        given().auth().oauth2(TestTokens.forRoles("admin")).contentType(ContentType.JSON)
                .body(Map.of("country", "FR")).patch("/customers/" + id)
                .then().statusCode(200).body("segment", equalTo("VIP")).body("country", equalTo("FR"));

        TopicProbe.await(Topics.ORDERS_CUSTOMER, r -> id.equals(r.key()) && r.value().contains("\"FR\""),
                TopicProbe.DEFAULT_TIMEOUT);
        List<ConsumerRecord<String, String>> events = TopicProbe.readAll(Topics.ORDERS_CUSTOMER).stream()
                .filter(r -> id.equals(r.key())).toList();
        assertThat(events).extracting(r -> TopicProbe.header(r, "eventType"))
                .containsExactly("CustomerRegistered", "CustomerUpdated", "CustomerUpdated");
        CustomerUpdated vip = EventCodec.data(EventCodec.parse(events.get(1).value()), CustomerUpdated.TYPE);
        CustomerUpdated france = EventCodec.data(EventCodec.parse(events.get(2).value()), CustomerUpdated.TYPE);
        assertThat(vip.customerId()).hasToString(id);
        assertThat(vip.segment()).isEqualTo("VIP");
        assertThat(vip.country()).isEqualTo("DE");
        assertThat(france.segment()).isEqualTo("VIP");
        assertThat(france.country()).isEqualTo("FR");
        assertThat(france.updatedAt()).isAfterOrEqualTo(vip.updatedAt()).isAfterOrEqualTo(createdAt);
        assertThat(events).allSatisfy(r -> assertThat(r.value()).doesNotContain(email, "\"Lin\"", "\"Wu\""));
    }

    @Test
    void aChangeIsValidatedAndOnlyStaffMakeIt() {
        String id = OrdersFixtures.createCustomer();
        given().auth().oauth2(SUPPORT).contentType(ContentType.JSON).body(Map.of("segment", "GOLD", "country", "de"))
                .patch("/customers/" + id).then().statusCode(422).contentType("application/problem+json")
                .body("errors.size()", equalTo(2));
        given().auth().oauth2(TestTokens.customer(UUID.fromString(id))).contentType(ContentType.JSON)
                .body(Map.of("segment", "VIP")).patch("/customers/" + id).then().statusCode(403);
        given().auth().oauth2(SUPPORT).contentType(ContentType.JSON).body(Map.of("segment", "VIP"))
                .patch("/customers/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        Map<String, Object> row = ORDERS.query("SELECT segment, country, version FROM customer WHERE id = ?", id)
                .get(0);
        assertThat(row.get("segment")).isEqualTo("NEW");
        assertThat(row.get("country")).isEqualTo("GB");
        assertThat(((Number) row.get("version")).longValue()).isZero();
    }
}
