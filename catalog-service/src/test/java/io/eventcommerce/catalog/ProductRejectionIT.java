package io.eventcommerce.catalog;

import io.eventcommerce.testkit.Database;
import io.eventcommerce.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static io.eventcommerce.catalog.CatalogFixtures.MANAGER;
import static io.eventcommerce.catalog.CatalogFixtures.createCategory;
import static io.eventcommerce.catalog.CatalogFixtures.product;
import static io.eventcommerce.catalog.CatalogFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * Bad requests get a 4xx problem+json and change nothing. "Nothing" is checked on what the test owns: every SKU it
 * sent and its own category stay without products (other tests' consumers and uploads may write meanwhile, so global
 * row counts would prove nothing and break at random).
 */
@QuarkusTest
class ProductRejectionIT {

    private static final Database CATALOG = Database.of("catalog");
    private String category;
    private final List<String> sentSkus = new ArrayList<>();
    private long productsBefore;

    @BeforeEach
    void ownCategory() {
        category = createCategory();
        productsBefore = 0;
    }

    /** A new SKU, remembered so that {@link #assertNothingPersisted} can check it was not stored. */
    private String sku() {
        String sku = unique("SKU");
        sentSkus.add(sku);
        return sku;
    }

    private void assertNothingPersisted() {
        for (String sku : sentSkus) {
            assertThat(CATALOG.count("SELECT COUNT(*) FROM product WHERE sku = ?", sku)).as(sku).isZero();
        }
        assertThat(CATALOG.count("SELECT COUNT(*) FROM product WHERE category_id = ?", category))
                .as("products in the test's category").isEqualTo(productsBefore);
    }

    private static ValidatableResponse problem(ValidatableResponse response, int status, String type) {
        return response.statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("type", equalTo("https://eventcommerce.io/problems/" + type))
                .body(not(containsString("Exception")))
                .body(not(containsString("java.")));
    }

    @Test
    void noTokenIs401WithABearerChallenge() {
        problem(given().contentType(ContentType.JSON).body(product(sku(), category))
                .post("/products").then(), 401, "unauthorized")
                .header("WWW-Authenticate", "Bearer");
        problem(given().get("/products").then(), 401, "unauthorized");
        assertNothingPersisted();
    }

    @Test
    void expiredOrForeignTokenIs401() {
        problem(given().auth().oauth2(TestTokens.expired("catalog-manager")).contentType(ContentType.JSON)
                .body(product(sku(), category)).post("/products").then(), 401, "unauthorized");
        problem(given().auth().oauth2("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl").get("/products").then(),
                401, "unauthorized");
        assertNothingPersisted();
    }

    @Test
    void wrongRoleIs403() {
        problem(given().auth().oauth2(TestTokens.forRoles("customer")).contentType(ContentType.JSON)
                .body(product(sku(), category)).post("/products").then(), 403, "forbidden");
        assertNothingPersisted();
    }

    @Test
    void malformedJsonIs400() {
        problem(given().auth().oauth2(MANAGER).contentType(ContentType.JSON).body("{\"sku\": \"A\", \"name\": ")
                .post("/products").then(), 400, "malformed-request")
                .body("detail", containsString("not valid JSON"));
        assertNothingPersisted();
    }

    /**
     * catalog-service lets streamed CSV uploads through the HTTP layer up to 256M; a JSON body is read whole into
     * memory and stays capped at 10 MiB (service-kit BodySizeGuard).
     */
    @Test
    void aJsonBodyOverTenMebibytesIs413() {
        Map<String, Object> huge = product(sku(), category);
        huge.put("description", "x".repeat(10 * 1024 * 1024 + 1));
        problem(given().auth().oauth2(MANAGER).contentType(ContentType.JSON).body(huge)
                .post("/products").then(), 413, "payload-too-large");
        assertNothingPersisted();
    }

    @Test
    void valueOfTheWrongTypeOrAnUnknownFieldIs400NamingTheField() {
        Map<String, Object> wrongType = product(sku(), category);
        wrongType.put("price", "cheap");
        problem(given().auth().oauth2(MANAGER).contentType(ContentType.JSON).body(wrongType)
                .post("/products").then(), 400, "malformed-request")
                .body("errors.field", hasItem("price"));

        Map<String, Object> unknownField = product(sku(), category);
        unknownField.put("discount", "50%");
        problem(given().auth().oauth2(MANAGER).contentType(ContentType.JSON).body(unknownField)
                .post("/products").then(), 400, "malformed-request")
                .body("errors.field", hasItem("discount"));
        assertNothingPersisted();
    }

    @Test
    void missingFieldsAre422WithEveryField() {
        problem(given().auth().oauth2(MANAGER).contentType(ContentType.JSON).body(Map.of("brand", "Acme"))
                .post("/products").then(), 422, "validation-failed")
                .body("errors.field", hasItem("sku"))
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("categoryId"))
                .body("errors.field", hasItem("price"));
        problem(given().auth().oauth2(MANAGER).contentType(ContentType.JSON)
                .post("/products").then(), 422, "validation-failed");
        assertNothingPersisted();
    }

    @Test
    void nonPositiveOrOverPrecisePriceIs422() {
        for (String price : new String[]{"0", "-5.00", "19.999"}) {
            Map<String, Object> product = product(sku(), category);
            product.put("price", price);
            problem(given().auth().oauth2(MANAGER).contentType(ContentType.JSON).body(product)
                    .post("/products").then(), 422, "validation-failed")
                    .body("errors[0].field", equalTo("price"));
        }
        assertNothingPersisted();
    }

    @Test
    void unknownCategoryIs422() {
        problem(given().auth().oauth2(MANAGER).contentType(ContentType.JSON)
                .body(product(sku(), java.util.UUID.randomUUID().toString()))
                .post("/products").then(), 422, "validation-failed")
                .body("errors[0].field", equalTo("categoryId"))
                .body("errors[0].message", equalTo("unknown category"));
        assertNothingPersisted();
    }

    @Test
    void duplicateSkuIs409() {
        String sku = unique("SKU");
        given().auth().oauth2(MANAGER).contentType(ContentType.JSON).body(product(sku, category))
                .post("/products").then().statusCode(201);
        productsBefore = 1;

        problem(given().auth().oauth2(MANAGER).contentType(ContentType.JSON).body(product(sku, category))
                .post("/products").then(), 409, "conflict")
                .body("detail", containsString(sku));
        assertNothingPersisted();
    }

    @Test
    void concurrentCreatesOfOneSkuGiveOne201AndOnly409s() {
        String sku = unique("RACE");
        Map<String, Object> product = product(sku, category);
        List<Integer> statuses = IntStream.range(0, 6).parallel()
                .mapToObj(i -> given().auth().oauth2(MANAGER).contentType(ContentType.JSON).body(product)
                        .post("/products").then().extract().statusCode())
                .toList();

        assertThat(statuses).containsOnly(201, 409).containsOnlyOnce(201);
        assertThat(CATALOG.count("SELECT COUNT(*) FROM product WHERE sku = ?", sku)).isEqualTo(1);
    }

    @Test
    void changingTheSkuIs422() {
        Map<String, Object> product = product(unique("SKU"), category);
        String id = given().auth().oauth2(MANAGER).contentType(ContentType.JSON).body(product)
                .post("/products").then().statusCode(201).extract().path("id");
        productsBefore = 1;
        long version = CATALOG.count("SELECT version FROM product WHERE id = ?", id);

        product.put("sku", sku());
        product.put("price", "99.00");
        problem(given().auth().oauth2(MANAGER).contentType(ContentType.JSON).body(product)
                .put("/products/" + id).then(), 422, "validation-failed")
                .body("errors[0].field", equalTo("sku"));
        assertNothingPersisted();
        assertThat(CATALOG.count("SELECT version FROM product WHERE id = ?", id)).isEqualTo(version);
        given().auth().oauth2(MANAGER).get("/products/" + id).then().body("price", equalTo(19.90f));
    }

    @Test
    void unknownProductPathOrMediaTypeGetProblems() {
        problem(given().auth().oauth2(MANAGER).get("/products/" + java.util.UUID.randomUUID()).then(),
                404, "not-found");
        problem(given().auth().oauth2(MANAGER).get("/no-such-thing").then(), 404, "not-found");
        problem(given().auth().oauth2(MANAGER).contentType(ContentType.XML).body("<product/>")
                .post("/products").then(), 415, "unsupported-media-type");
        problem(given().auth().oauth2(MANAGER).delete("/products").then(), 405, "method-not-allowed");
        assertNothingPersisted();
    }

    @Test
    void oversizedPageIs422() {
        problem(given().auth().oauth2(MANAGER).queryParam("size", 1000).get("/products").then(),
                422, "validation-failed")
                .body("errors[0].field", equalTo("size"));
    }
}
