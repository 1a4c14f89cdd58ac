package io.eventcommerce.catalog;

import io.eventcommerce.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.eventcommerce.catalog.CatalogFixtures.MANAGER;
import static io.eventcommerce.catalog.CatalogFixtures.createCategory;
import static io.eventcommerce.catalog.CatalogFixtures.product;
import static io.eventcommerce.catalog.CatalogFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class ProductSearchIT {

    private static String create(String category, String name, String brand, String price, String description) {
        Map<String, Object> body = product(unique("SRCH"), category);
        body.put("name", name);
        body.put("brand", brand);
        body.put("price", price);
        body.put("description", description);
        return given().auth().oauth2(MANAGER).contentType(ContentType.JSON).body(body).post("/products")
                .then().statusCode(201).extract().path("sku");
    }

    @Test
    void findsByWordsAndPrefixesWithinACategoryTreeFilteredSortedAndPaged() {
        String word = "zq" + unique("w").substring(2, 10).replace("-", "");
        String root = createCategory();
        String child = given().auth().oauth2(MANAGER).contentType(ContentType.JSON)
                .body(Map.of("name", unique("Child"), "parentId", root)).post("/categories")
                .then().statusCode(201).extract().path("id");
        String elsewhere = createCategory();
        String kettle = create(root, "Steel kettle " + word, "Acme", "30.00", "Boils 1.7 l fast");
        String redKettle = create(child, "Red kettle " + word, "Bolt", "45.00", "A red " + word + " kettle");
        String toaster = create(child, "Toaster " + word, "Acme", "25.00", "Two slots");
        create(elsewhere, "Kettle " + word, "Acme", "10.00", "Elsewhere");

        // Every word is required; the last one may be a prefix ("kett").
        given().auth().oauth2(TestTokens.forRoles("analyst")).queryParam("q", word + " kett")
                .queryParam("categoryId", root).get("/products").then().statusCode(200)
                .body("totalItems", equalTo(2));
        // Relevance: the red kettle names the word twice.
        given().auth().oauth2(MANAGER).queryParam("q", word + " red").get("/products").then()
                .body("items.sku", contains(redKettle));
        // Filters and sorting within a subtree.
        given().auth().oauth2(MANAGER).queryParam("q", word).queryParam("categoryId", root)
                .queryParam("sort", "PRICE_ASC").get("/products").then()
                .body("items.sku", contains(toaster, kettle, redKettle));
        given().auth().oauth2(MANAGER).queryParam("q", word).queryParam("categoryId", root)
                .queryParam("brand", "Acme").queryParam("maxPrice", "29.99").get("/products").then()
                .body("items.sku", contains(toaster));
        given().auth().oauth2(MANAGER).queryParam("q", word).queryParam("minPrice", "26").queryParam("maxPrice", "50")
                .queryParam("sort", "PRICE_DESC").queryParam("size", 1).queryParam("page", 1).get("/products").then()
                .body("items.sku", contains(kettle)).body("totalItems", equalTo(2)).body("totalPages", equalTo(2));
        // An SKU prefix finds its product.
        given().auth().oauth2(MANAGER).queryParam("q", toaster.substring(0, toaster.length() - 2)).get("/products")
                .then().body("items.sku", contains(toaster));
        // Nothing matches: an empty page, not an error.
        given().auth().oauth2(MANAGER).queryParam("q", word + " nonexistentword").get("/products").then()
                .statusCode(200).body("items", empty()).body("totalItems", equalTo(0));
    }

    @Test
    void badSearchParametersAre422() {
        given().auth().oauth2(MANAGER).queryParam("sort", "CHEAPEST").get("/products").then().statusCode(422);
        given().auth().oauth2(MANAGER).queryParam("minPrice", "20").queryParam("maxPrice", "10").get("/products")
                .then().statusCode(422).body("errors[0].field", equalTo("minPrice"));
        given().auth().oauth2(MANAGER).queryParam("size", 101).get("/products").then().statusCode(422);
    }
}
