package io.eventcommerce.catalog;

import io.eventcommerce.events.EventCodec;
import io.eventcommerce.events.Topics;
import io.eventcommerce.events.catalog.PromotionCreated;
import io.eventcommerce.events.catalog.PromotionUpdated;
import io.eventcommerce.testkit.Database;
import io.eventcommerce.testkit.TestTokens;
import io.eventcommerce.testkit.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static io.eventcommerce.catalog.CatalogFixtures.MANAGER;
import static io.eventcommerce.catalog.CatalogFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class PromotionIT {

    static Map<String, Object> promotion(String code) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("description", "Ten percent off");
        body.put("kind", "PERCENT");
        body.put("value", "10");
        body.put("minimumOrder", "50.00");
        body.put("usageLimit", 100);
        body.put("startsAt", "2026-01-01T00:00:00Z");
        body.put("endsAt", "2036-01-01T00:00:00Z");
        return body;
    }

    @Test
    void createdAndChangedPromotionsArePublishedWithTheirWholeState() {
        String code = unique("save").toLowerCase();
        Map<String, Object> body = promotion(code);
        String id = given().auth().oauth2(MANAGER).contentType(ContentType.JSON).body(body)
                .post("/promotions")
                .then().statusCode(201)
                .body("code", equalTo(code.toUpperCase())).body("status", equalTo("ACTIVE"))
                .body("currency", equalTo("USD")).extract().path("id");

        PromotionCreated created = EventCodec.data(EventCodec.parse(
                TopicProbe.awaitKey(Topics.CATALOG_PROMOTION, id, "PromotionCreated").value()), PromotionCreated.TYPE);
        assertThat(created.promotion().code()).isEqualTo(code.toUpperCase());
        assertThat(created.promotion().value()).isEqualByComparingTo("10");
        assertThat(created.promotion().usageLimit()).isEqualTo(100);

        body.put("usageLimit", 5);
        given().auth().oauth2(MANAGER).contentType(ContentType.JSON).body(body)
                .put("/promotions/" + id).then().statusCode(200).body("version", equalTo(1));
        given().auth().oauth2(MANAGER).contentType(ContentType.JSON).body(body)
                .put("/promotions/" + id).then().statusCode(200).body("version", equalTo(1));

        PromotionUpdated updated = EventCodec.data(EventCodec.parse(
                TopicProbe.awaitKey(Topics.CATALOG_PROMOTION, id, "PromotionUpdated").value()), PromotionUpdated.TYPE);
        assertThat(updated.promotion().usageLimit()).isEqualTo(5);
        assertThat(updated.promotion().version()).isEqualTo(1);
        assertThat(TopicProbe.readAll(Topics.CATALOG_PROMOTION)).filteredOn(r -> id.equals(r.key()))
                .as("the unchanged second PUT published nothing").hasSize(2);

        given().auth().oauth2(TestTokens.forRoles("analyst")).queryParam("size", 100)
                .get("/promotions").then().statusCode(200).body("items.code", hasItem(code.toUpperCase()));
    }

    @Test
    void inconsistentTermsAreRefusedAndChangeNothing() {
        String code = unique("BAD");
        Map<String, Object> tooMuch = promotion(code);
        tooMuch.put("value", "150");
        given().auth().oauth2(MANAGER).contentType(ContentType.JSON).body(tooMuch)
                .post("/promotions").then().statusCode(422).body("errors[0].field", equalTo("value"));

        Map<String, Object> backwards = promotion(code);
        backwards.put("endsAt", "2025-01-01T00:00:00Z");
        given().auth().oauth2(MANAGER).contentType(ContentType.JSON).body(backwards)
                .post("/promotions").then().statusCode(422).body("errors[0].field", equalTo("endsAt"));

        Map<String, Object> noLimit = promotion(code);
        noLimit.put("usageLimit", 0);
        given().auth().oauth2(MANAGER).contentType(ContentType.JSON).body(noLimit)
                .post("/promotions").then().statusCode(422);

        given().auth().oauth2(TestTokens.forRoles("customer")).contentType(ContentType.JSON).body(promotion(code))
                .post("/promotions").then().statusCode(403);
        assertThat(Database.of("catalog").count("SELECT COUNT(*) FROM promotion WHERE code = ?",
                code.toUpperCase())).isZero();

        String id = given().auth().oauth2(MANAGER).contentType(ContentType.JSON).body(promotion(code))
                .post("/promotions").then().statusCode(201).extract().path("id");
        given().auth().oauth2(MANAGER).contentType(ContentType.JSON).body(promotion(code.toLowerCase()))
                .post("/promotions").then().statusCode(409);
        given().auth().oauth2(MANAGER).contentType(ContentType.JSON).body(promotion(unique("OTHER")))
                .put("/promotions/" + id).then().statusCode(422).body("errors[0].field", equalTo("code"));
        given().auth().oauth2(MANAGER).get("/promotions/" + id).then().statusCode(200).body("version", equalTo(0));
    }
}
