package io.eventcommerce.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventcommerce.events.EventCodec;
import io.eventcommerce.events.EventEnvelope;
import io.eventcommerce.events.Topics;
import io.eventcommerce.events.catalog.ProductCreated;
import io.eventcommerce.events.catalog.ProductUpdated;
import io.eventcommerce.testkit.Database;
import io.eventcommerce.testkit.TestTokens;
import io.eventcommerce.testkit.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.eventcommerce.catalog.CatalogFixtures.MANAGER;
import static io.eventcommerce.catalog.CatalogFixtures.createCategory;
import static io.eventcommerce.catalog.CatalogFixtures.product;
import static io.eventcommerce.catalog.CatalogFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class ProductApiIT {

    @Test
    void createdProductIsPublishedThroughDebeziumWithItsEventIdHeader() {
        String sku = unique("SKU");
        var response = given().auth().oauth2(MANAGER).contentType(ContentType.JSON)
                .body(product(sku, createCategory()))
                .post("/products")
                .then().statusCode(201)
                .body("sku", equalTo(sku)).body("price", equalTo(19.90f)).body("cost", equalTo(7.10f))
                .body("status", equalTo("ACTIVE")).body("version", equalTo(0))
                .extract();
        String id = response.path("id");
        assertThat(response.header("Location")).endsWith("/products/" + id);

        ConsumerRecord<String, String> record = TopicProbe.awaitKey(Topics.CATALOG_PRODUCT, id, "ProductCreated");
        EventEnvelope<JsonNode> envelope = EventCodec.parse(record.value());
        assertThat(TopicProbe.header(record, "id")).isEqualTo(envelope.eventId().toString());
        assertThat(envelope.source()).isEqualTo("catalog-service");
        ProductCreated created = EventCodec.data(envelope, ProductCreated.TYPE);
        assertThat(created.product().sku()).isEqualTo(sku);
        assertThat(created.product().price()).isEqualByComparingTo("19.90");
        assertThat(created.product().attributes()).containsEntry("colour", "red");
        assertThat(Database.of("catalog").count("SELECT COUNT(*) FROM outbox_event"))
                .as("published rows are deleted in their own transaction").isZero();
    }

    @Test
    void updatePublishesTheNewStateAndTheChangedFieldsOnlyWhenSomethingChanged() {
        String category = createCategory();
        String sku = unique("SKU");
        Map<String, Object> product = product(sku, category);
        String id = given().auth().oauth2(MANAGER).contentType(ContentType.JSON).body(product)
                .post("/products").then().statusCode(201).extract().path("id");

        product.put("price", "24.50");
        given().auth().oauth2(MANAGER).contentType(ContentType.JSON).body(product)
                .put("/products/" + id)
                .then().statusCode(200).body("price", equalTo(24.50f)).body("version", equalTo(1));
        given().auth().oauth2(MANAGER).contentType(ContentType.JSON).body(product)
                .put("/products/" + id)
                .then().statusCode(200).body("version", equalTo(1));

        ConsumerRecord<String, String> record = TopicProbe.awaitKey(Topics.CATALOG_PRODUCT, id, "ProductUpdated");
        ProductUpdated updated = EventCodec.data(EventCodec.parse(record.value()), ProductUpdated.TYPE);
        assertThat(updated.changedFields()).containsExactly("price");
        assertThat(updated.product().price()).isEqualByComparingTo("24.50");
        assertThat(updated.product().version()).isEqualTo(1);
        assertThat(TopicProbe.readAll(Topics.CATALOG_PRODUCT)).filteredOn(r -> id.equals(r.key()))
                .as("the unchanged second PUT published nothing").hasSize(2);
    }

    @Test
    void readersSeeProductsButNotTheirCost() {
        String id = given().auth().oauth2(MANAGER).contentType(ContentType.JSON)
                .body(product(unique("SKU"), createCategory()))
                .post("/products").then().statusCode(201).extract().path("id");

        given().auth().oauth2(TestTokens.forRoles("analyst"))
                .get("/products/" + id)
                .then().statusCode(200).body("id", equalTo(id)).body("cost", nullValue());
    }

    @Test
    void listsPageByPageWithinACategory() {
        String category = createCategory();
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(MANAGER).contentType(ContentType.JSON).body(product(unique("SKU"), category))
                    .post("/products").then().statusCode(201);
        }

        given().auth().oauth2(MANAGER).queryParam("categoryId", category).queryParam("size", 2)
                .get("/products")
                .then().statusCode(200)
                .body("items.size()", equalTo(2)).body("totalItems", equalTo(3)).body("totalPages", equalTo(2));
        given().auth().oauth2(MANAGER).queryParam("categoryId", category).queryParam("size", 2).queryParam("page", 1)
                .get("/products")
                .then().statusCode(200).body("items.size()", equalTo(1));
    }
}
