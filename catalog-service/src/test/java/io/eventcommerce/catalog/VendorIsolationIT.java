package io.eventcommerce.catalog;

import io.eventcommerce.testkit.Database;
import io.eventcommerce.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.eventcommerce.catalog.CatalogFixtures.MANAGER;
import static io.eventcommerce.catalog.CatalogFixtures.createCategory;
import static io.eventcommerce.catalog.CatalogFixtures.createVendor;
import static io.eventcommerce.catalog.CatalogFixtures.createWarehouse;
import static io.eventcommerce.catalog.CatalogFixtures.unique;
import static io.eventcommerce.catalog.CatalogFixtures.upload;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * A vendor sees and changes only its own products, uploads and upload errors: anything of another vendor answers
 * 404 exactly like something that does not exist, and changes nothing.
 */
@QuarkusTest
class VendorIsolationIT {

    private static final Database CATALOG = Database.of("catalog");

    private String vendorA;
    private String vendorB;
    private String tokenA;
    private String warehouse;
    private String productA;
    private String productB;
    private String uploadB;

    /** A one-product file (plus one refused row) uploaded by the vendor itself; returns [productId, uploadId]. */
    private List<String> onboard(String vendor, String token, String slug) {
        String sku = unique("ISO").toUpperCase();
        String csv = "sku,vendor_product_id,product_name,category,price,stock_quantity\n"
                + sku + ",v-1,Lamp," + slug + ",30.00,4\n"
                + unique("ISO") + ",v-2,Lamp,no-such-category,30.00,4\n";
        var upload = CatalogFixtures.uploadAndAwait(token, vendor, warehouse, csv);
        assertThat(upload.getString("status")).isEqualTo("COMPLETED");
        assertThat(upload.getInt("validRows")).isEqualTo(1);
        assertThat(upload.getInt("errorRows")).isEqualTo(1);
        String uploadId = upload.getString("id");
        String productId = (String) CATALOG.query("SELECT id FROM product WHERE sku = ?", sku).get(0).get("id");
        return List.of(productId, uploadId);
    }

    @BeforeEach
    void twoVendors() {
        String slug = given().auth().oauth2(MANAGER).get("/categories/" + createCategory()).then().extract()
                .path("slug");
        warehouse = createWarehouse();
        vendorA = createVendor();
        vendorB = createVendor();
        tokenA = TestTokens.vendor(UUID.fromString(vendorA));
        productA = onboard(vendorA, tokenA, slug).get(0);
        List<String> b = onboard(vendorB, TestTokens.vendor(UUID.fromString(vendorB)), slug);
        productB = b.get(0);
        uploadB = b.get(1);
    }

    private static ValidatableResponse notFound(ValidatableResponse response) {
        return response.statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://eventcommerce.io/problems/not-found"));
    }

    private Map<String, Object> productRow(String id) {
        return CATALOG.query("SELECT name, price, version FROM product WHERE id = ?", id).get(0);
    }

    @Test
    void aVendorSeesOnlyItsOwnProducts() {
        given().auth().oauth2(tokenA).get("/products/" + productA).then().statusCode(200)
                .body("vendorId", equalTo(vendorA));
        notFound(given().auth().oauth2(tokenA).get("/products/" + productB).then());

        given().auth().oauth2(tokenA).queryParam("size", 100).get("/products").then().statusCode(200)
                .body("totalItems", equalTo(1)).body("items.id", hasItem(productA))
                .body("items.vendorId", everyItem(equalTo(vendorA)));
        given().auth().oauth2(tokenA).queryParam("vendorId", vendorB).get("/products").then().statusCode(200)
                .body("totalItems", equalTo(0));
        given().auth().oauth2(MANAGER).queryParam("vendorId", vendorB).get("/products").then().statusCode(200)
                .body("totalItems", equalTo(1)).body("items[0].id", equalTo(productB));
    }

    @Test
    void aVendorChangesItsOwnProductsButNeitherAnotherVendorsNorTheVendorOfItsOwn() {
        Map<String, Object> before = productRow(productB);
        Map<String, Object> change = Map.of("sku", given().auth().oauth2(MANAGER).get("/products/" + productB)
                        .then().extract().path("sku"), "name", "Taken over", "categoryId",
                given().auth().oauth2(MANAGER).get("/products/" + productB).then().extract().path("categoryId"),
                "price", "1.00");
        notFound(given().auth().oauth2(tokenA).contentType(ContentType.JSON).body(change)
                .put("/products/" + productB).then());
        assertThat(productRow(productB)).isEqualTo(before);

        Map<String, Object> own = given().auth().oauth2(tokenA).get("/products/" + productA).then().extract()
                .jsonPath().getMap("");
        Map<String, Object> rename = new java.util.HashMap<>(Map.of("sku", own.get("sku"), "name", "Brass lamp",
                "categoryId", own.get("categoryId"), "price", "32.00", "status", "ACTIVE"));
        given().auth().oauth2(tokenA).contentType(ContentType.JSON).body(rename).put("/products/" + productA)
                .then().statusCode(200).body("name", equalTo("Brass lamp")).body("vendorId", equalTo(vendorA));
        rename.put("vendorId", vendorB);
        given().auth().oauth2(tokenA).contentType(ContentType.JSON).body(rename).put("/products/" + productA)
                .then().statusCode(422).body("errors[0].field", equalTo("vendorId"));
        assertThat(CATALOG.query("SELECT vendor_id FROM product WHERE id = ?", productA).get(0).get("vendor_id"))
                .isEqualTo(vendorA);
    }

    @Test
    void aVendorReadsOnlyItselfAndItsOwnUploads() {
        given().auth().oauth2(tokenA).get("/vendors/" + vendorA).then().statusCode(200)
                .body("id", equalTo(vendorA));
        notFound(given().auth().oauth2(tokenA).get("/vendors/" + vendorB).then());
        given().auth().oauth2(tokenA).get("/vendors").then().statusCode(403);

        given().auth().oauth2(tokenA).get("/vendors/" + vendorA + "/uploads").then().statusCode(200)
                .body("totalItems", equalTo(1)).body("items.id", not(hasItem(uploadB)));
        notFound(given().auth().oauth2(tokenA).get("/vendors/" + vendorB + "/uploads").then());
        notFound(given().auth().oauth2(tokenA).get("/vendors/" + vendorB + "/uploads/" + uploadB).then());
        notFound(given().auth().oauth2(tokenA).get("/vendors/" + vendorB + "/uploads/" + uploadB + "/errors").then());
        notFound(given().auth().oauth2(tokenA).get("/vendors/" + vendorA + "/uploads/" + uploadB).then())
                .body("detail", equalTo("Upload " + uploadB + " does not exist"));
        notFound(given().auth().oauth2(tokenA).get("/vendors/" + vendorA + "/uploads/" + uploadB + "/errors").then());

        given().auth().oauth2(MANAGER).get("/vendors/" + vendorB + "/uploads/" + uploadB + "/errors").then()
                .statusCode(200).body("totalItems", equalTo(1)).body("items[0].type", equalTo("UNKNOWN_CATEGORY"))
                .body("items[0].rowNumber", equalTo(2));
    }

    @Test
    void onlyTheVendorItselfOrCatalogStaffUpload() {
        Map<String, Long> before = CatalogFixtures.onboardingRowsOf(vendorB, warehouse);
        String csv = "sku,vendor_product_id,product_name,category,price,stock_quantity\n"
                + unique("ISO") + ",v-9,Lamp,anything,30.00,4\n";

        notFound(upload(tokenA, vendorB, warehouse, csv).then());
        notFound(given().auth().oauth2(tokenA).post("/vendors/" + vendorB + "/uploads/" + uploadB + "/cancel")
                .then());
        upload(TestTokens.customer(UUID.randomUUID()), vendorB, warehouse, csv).then().statusCode(403)
                .contentType("application/problem+json");
        upload(TestTokens.forRoles("analyst"), vendorB, warehouse, csv).then().statusCode(403);
        upload(TestTokens.forRoles("vendor"), vendorB, warehouse, csv).then().statusCode(403)
                .body("detail", equalTo("The token names no vendor"));
        given().contentType("text/csv; charset=UTF-8").queryParam("warehouseId", warehouse).body(csv)
                .post("/vendors/" + vendorB + "/uploads").then().statusCode(401)
                .header("WWW-Authenticate", "Bearer");
        given().get("/vendors/" + vendorB + "/uploads").then().statusCode(401);

        assertThat(CatalogFixtures.onboardingRowsOf(vendorB, warehouse)).as("nothing was written").isEqualTo(before);
        given().auth().oauth2(MANAGER).get("/vendors/" + vendorB + "/uploads").then().body("totalItems", equalTo(1));
    }
}
