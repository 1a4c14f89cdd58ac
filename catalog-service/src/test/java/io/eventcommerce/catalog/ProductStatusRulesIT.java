package io.eventcommerce.catalog;

import io.eventcommerce.testkit.Database;
import io.eventcommerce.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static io.eventcommerce.catalog.CatalogFixtures.MANAGER;
import static io.eventcommerce.catalog.CatalogFixtures.createCategory;
import static io.eventcommerce.catalog.CatalogFixtures.createVendor;
import static io.eventcommerce.catalog.CatalogFixtures.product;
import static io.eventcommerce.catalog.CatalogFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Who decides whether a product is on sale: catalog managers and admins. A vendor edits its own products' fields but
 * never their status, and nothing at all while suspended; a PUT that leaves out the status keeps it, for everyone.
 */
@QuarkusTest
class ProductStatusRulesIT {

    private static final Database CATALOG = Database.of("catalog");

    private record VendorProduct(String vendor, String token, String id, Map<String, Object> body) {
    }

    private static VendorProduct vendorProduct() {
        String vendor = createVendor();
        Map<String, Object> body = product(unique("ST"), createCategory());
        body.put("vendorId", vendor);
        String id = given().auth().oauth2(MANAGER).contentType(ContentType.JSON).body(body).post("/products")
                .then().statusCode(201).body("status", equalTo("ACTIVE")).extract().path("id");
        return new VendorProduct(vendor, TestTokens.vendor(UUID.fromString(vendor)), id, body);
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> changed = new HashMap<>(body);
        if (value == null) {
            changed.remove(field);
        } else {
            changed.put(field, value);
        }
        return changed;
    }

    private static long version(String productId) {
        return CATALOG.count("SELECT version FROM product WHERE id = ?", productId);
    }

    private static String status(String productId) {
        return (String) CATALOG.query("SELECT status FROM product WHERE id = ?", productId).get(0).get("status");
    }

    @Test
    void aVendorCannotChangeTheStatusOfItsProductButEditsItsFields() {
        VendorProduct p = vendorProduct();
        long version = version(p.id());

        given().auth().oauth2(p.token()).contentType(ContentType.JSON).body(with(p.body(), "status", "DRAFT"))
                .put("/products/" + p.id()).then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("Only catalog managers and admins"));
        assertThat(version(p.id())).as("nothing changed").isEqualTo(version);
        assertThat(status(p.id())).isEqualTo("ACTIVE");

        // The same status, or none at all, is no change of status: the vendor's edit goes through.
        given().auth().oauth2(p.token()).contentType(ContentType.JSON)
                .body(with(with(p.body(), "status", "ACTIVE"), "name", "Renamed once"))
                .put("/products/" + p.id()).then().statusCode(200).body("status", equalTo("ACTIVE"));
        given().auth().oauth2(p.token()).contentType(ContentType.JSON)
                .body(with(with(p.body(), "status", null), "name", "Renamed twice"))
                .put("/products/" + p.id()).then().statusCode(200).body("status", equalTo("ACTIVE"))
                .body("name", equalTo("Renamed twice"));
    }

    @Test
    void whatAManagerDiscontinuedAVendorCannotReactivate() {
        VendorProduct p = vendorProduct();
        given().auth().oauth2(MANAGER).contentType(ContentType.JSON).body(with(p.body(), "status", "DISCONTINUED"))
                .put("/products/" + p.id()).then().statusCode(200).body("status", equalTo("DISCONTINUED"));
        long version = version(p.id());

        given().auth().oauth2(p.token()).contentType(ContentType.JSON).body(with(p.body(), "status", "ACTIVE"))
                .put("/products/" + p.id()).then().statusCode(403);
        assertThat(version(p.id())).isEqualTo(version);

        given().auth().oauth2(p.token()).contentType(ContentType.JSON)
                .body(with(with(p.body(), "status", null), "price", "25.00"))
                .put("/products/" + p.id()).then().statusCode(200).body("status", equalTo("DISCONTINUED"))
                .body("price", equalTo(25.00f));
    }

    @Test
    void aSuspendedVendorChangesNothing() {
        VendorProduct p = vendorProduct();
        given().auth().oauth2(MANAGER).contentType(ContentType.JSON)
                .body(Map.of("name", "Suspended", "email", unique("s") + "@example.com", "country", "FR",
                        "status", "SUSPENDED"))
                .put("/vendors/" + p.vendor()).then().statusCode(200).body("status", equalTo("SUSPENDED"));
        long version = version(p.id());

        given().auth().oauth2(p.token()).contentType(ContentType.JSON).body(with(p.body(), "name", "Sneaky edit"))
                .put("/products/" + p.id()).then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("SUSPENDED"));
        assertThat(version(p.id())).isEqualTo(version);
    }

    @Test
    void aPutWithoutStatusKeepsItForStaffToo() {
        VendorProduct p = vendorProduct();
        given().auth().oauth2(MANAGER).contentType(ContentType.JSON)
                .body(with(with(p.body(), "status", null), "name", "Kept on sale"))
                .put("/products/" + p.id()).then().statusCode(200).body("status", equalTo("ACTIVE"))
                .body("name", equalTo("Kept on sale"));
        Map<String, Object> platformProduct = product(unique("ST"), createCategory());
        platformProduct.remove("status");
        given().auth().oauth2(MANAGER).contentType(ContentType.JSON).body(platformProduct).post("/products")
                .then().statusCode(201).body("status", equalTo("DRAFT"));
    }
}
