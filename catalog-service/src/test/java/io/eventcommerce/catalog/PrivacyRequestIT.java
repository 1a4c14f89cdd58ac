package io.eventcommerce.catalog;

import io.eventcommerce.events.DomainEvent;
import io.eventcommerce.events.EventCodec;
import io.eventcommerce.events.EventEnvelope;
import io.eventcommerce.events.Topics;
import io.eventcommerce.events.orders.OrderDelivered;
import io.eventcommerce.events.privacy.DataSubjectAccessRequested;
import io.eventcommerce.events.privacy.DataSubjectErasureRequested;
import io.eventcommerce.events.privacy.PersonalDataErased;
import io.eventcommerce.events.privacy.PersonalDataExported;
import io.eventcommerce.testkit.Database;
import io.eventcommerce.testkit.Deadlines;
import io.eventcommerce.testkit.PlaintextSearch;
import io.eventcommerce.testkit.TestTokens;
import io.eventcommerce.testkit.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.eventcommerce.catalog.CatalogFixtures.MANAGER;
import static io.eventcommerce.catalog.CatalogFixtures.createCategory;
import static io.eventcommerce.catalog.CatalogFixtures.product;
import static io.eventcommerce.catalog.CatalogFixtures.publish;
import static io.eventcommerce.catalog.CatalogFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;

/**
 * catalog-service's answers to data-subject requests: the export lists the customer's reviews and verified
 * purchases; the erasure keeps each review's rating (the product's rating does not move) and removes its title and
 * text and every link to the customer, and no text column of the schema holds what the customer wrote.
 */
@QuarkusTest
class PrivacyRequestIT {

    private static final Database CATALOG = Database.of("catalog");

    private static void request(DomainEvent event) {
        EventEnvelope<?> envelope = EventEnvelope.wrap(event, "compliance-service", Instant.now());
        TopicProbe.send(event.eventType().topic(), envelope.aggregateId(), EventCodec.toJson(envelope),
                Map.of("id", envelope.eventId().toString(), "eventType", envelope.type()));
    }

    private static ConsumerRecord<String, String> answer(UUID requestId, String type) {
        return TopicProbe.await(Topics.COMPLIANCE_PRIVACY_RESPONSE, r -> requestId.toString().equals(r.key())
                && type.equals(TopicProbe.header(r, "eventType")), Deadlines.ASYNC);
    }

    @Test
    void theReviewsAreExportedAndThenAnonymisedKeepingTheRating() {
        String productId = given().auth().oauth2(MANAGER).contentType(ContentType.JSON)
                .body(product(unique("SKU"), createCategory())).post("/products").then().statusCode(201)
                .extract().path("id");
        UUID customer = UUID.randomUUID();
        UUID orderId = UUID.randomUUID();
        publish(new OrderDelivered(orderId, customer, UUID.randomUUID(), List.of(UUID.fromString(productId)),
                Instant.now()));
        await().atMost(Deadlines.ASYNC).until(() -> CATALOG.count("SELECT COUNT(*) FROM verified_purchase"
                + " WHERE customer_id = ?", customer.toString()) == 1);
        String t = UUID.randomUUID().toString().substring(0, 8);
        String title = "Priscilla " + t + " loves it";
        String body = "Bought it for my flat at " + t + " Rue Privée, works fine.";
        given().auth().oauth2(TestTokens.customer(customer)).contentType(ContentType.JSON)
                .body(Map.of("rating", 4, "title", title, "body", body))
                .post("/products/" + productId + "/reviews").then().statusCode(201);

        UUID access = UUID.randomUUID();
        request(new DataSubjectAccessRequested(access, customer, Instant.now(), Instant.now().plus(Duration
                .ofDays(30))));
        PersonalDataExported exported = EventCodec.data(EventCodec.parse(answer(access, "PersonalDataExported")
                .value()), PersonalDataExported.TYPE);
        assertThat(exported.service()).isEqualTo("catalog-service");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> reviews = (List<Map<String, Object>>) exported.data().get("reviews");
        assertThat(reviews).singleElement().satisfies(r -> {
            assertThat(r.get("title")).isEqualTo(title);
            assertThat(r.get("body")).isEqualTo(body);
            assertThat(((Number) r.get("rating")).intValue()).isEqualTo(4);
        });
        assertThat((List<?>) exported.data().get("verifiedPurchases")).hasSize(1);

        UUID erasure = UUID.randomUUID();
        request(new DataSubjectErasureRequested(erasure, customer, Instant.now(), Instant.now().plus(Duration
                .ofDays(30))));
        ConsumerRecord<String, String> record = answer(erasure, "PersonalDataErased");
        PersonalDataErased erased = EventCodec.data(EventCodec.parse(record.value()), PersonalDataErased.TYPE);
        assertThat(erased.plaintextMatches()).isZero();
        assertThat(erased.columnsScanned()).isPositive();
        assertThat(erased.tables()).extracting(PersonalDataErased.Erasure::table, PersonalDataErased.Erasure::action,
                PersonalDataErased.Erasure::rows).containsExactly(
                tuple("review", PersonalDataErased.ANONYMISED, 1),
                tuple("verified_purchase", PersonalDataErased.DELETED, 1));
        assertThat(record.value()).doesNotContain(t).doesNotContain(customer.toString());

        assertThat(PlaintextSearch.inTables("catalog", List.of(title, body, t))).isEmpty();
        assertThat(CATALOG.count("SELECT COUNT(*) FROM review WHERE customer_id = ? OR order_id = ?",
                customer.toString(), orderId.toString())).isZero();
        assertThat(CATALOG.query("SELECT rating, title, body FROM review WHERE product_id = ?", productId))
                .singleElement().satisfies(r -> {
                    assertThat(((Number) r.get("rating")).intValue()).isEqualTo(4);
                    assertThat(r.get("title")).isNull();
                    assertThat(r.get("body")).isNull();
                });
        given().auth().oauth2(MANAGER).get("/products/" + productId + "/reviews/summary").then().statusCode(200)
                .body("reviewCount", org.hamcrest.Matchers.equalTo(1));
    }
}
