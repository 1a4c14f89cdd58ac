package io.eventcommerce.catalog;

import io.eventcommerce.events.EventCodec;
import io.eventcommerce.events.Topics;
import io.eventcommerce.events.catalog.ProductCreated;
import io.eventcommerce.servicekit.rest.RequestId;
import io.eventcommerce.testkit.BinaryLog;
import io.eventcommerce.testkit.Database;
import io.eventcommerce.testkit.TestTokens;
import io.eventcommerce.testkit.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.eventcommerce.catalog.CatalogFixtures.MANAGER;
import static io.eventcommerce.catalog.CatalogFixtures.createCategory;
import static io.eventcommerce.catalog.CatalogFixtures.createVendor;
import static io.eventcommerce.catalog.CatalogFixtures.product;
import static io.eventcommerce.catalog.CatalogFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class VendorApiIT {

    private static Map<String, Object> vendor(String email) {
        Map<String, Object> vendor = new HashMap<>();
        vendor.put("name", "Nordic Lamps");
        vendor.put("email", email);
        vendor.put("phone", "+46 8 123 45");
        vendor.put("businessName", "Nordic Lamps AB");
        vendor.put("taxId", "SE556677889901");
        vendor.put("addressLine1", "Storgatan 1");
        vendor.put("city", "Stockholm");
        vendor.put("postalCode", "111 22");
        vendor.put("country", "SE");
        return vendor;
    }

    @Test
    void aVendorIsRegisteredWithALowerCasedEmailThatNoOtherVendorMayHave() {
        String local = unique("Sales");
        var created = given().auth().oauth2(MANAGER).contentType(ContentType.JSON)
                .body(vendor(local + "@Example.COM")).post("/vendors")
                .then().statusCode(201)
                .body("email", equalTo(local.toLowerCase() + "@example.com")).body("status", equalTo("ACTIVE"))
                .body("country", equalTo("SE")).body("version", equalTo(0)).extract();
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith("/vendors/" + id);

        given().auth().oauth2(MANAGER).contentType(ContentType.JSON).body(vendor(local.toUpperCase()
                        + "@example.com")).post("/vendors")
                .then().statusCode(409).contentType("application/problem+json");

        Map<String, Object> suspended = vendor(local + "@example.com");
        suspended.put("status", "SUSPENDED");
        given().auth().oauth2(MANAGER).contentType(ContentType.JSON).body(suspended).put("/vendors/" + id)
                .then().statusCode(200).body("status", equalTo("SUSPENDED")).body("version", equalTo(1));
        given().auth().oauth2(TestTokens.forRoles("support")).queryParam("status", "SUSPENDED")
                .queryParam("size", 100).get("/vendors")
                .then().statusCode(200).body("items.id", hasItem(id));
        given().auth().oauth2(TestTokens.vendor(UUID.fromString(id))).get("/vendors/" + id)
                .then().statusCode(200).body("taxId", equalTo("SE556677889901"));
    }

    @Test
    void badVendorInputIs422AndOnlyCatalogStaffRegister() {
        Map<String, Object> bad = vendor("not-an-email");
        bad.put("country", "Sweden");
        given().auth().oauth2(MANAGER).contentType(ContentType.JSON).body(bad).post("/vendors")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("email")).body("errors.field", hasItem("country"));
        given().auth().oauth2(TestTokens.forRoles("vendor")).contentType(ContentType.JSON)
                .body(vendor(unique("v") + "@example.com")).post("/vendors").then().statusCode(403);
        given().contentType(ContentType.JSON).body(vendor(unique("v") + "@example.com")).post("/vendors")
                .then().statusCode(401);
        given().auth().oauth2(MANAGER).get("/vendors/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void aVendorsProductNamesItsVendorInTheApiAndInItsEvents() {
        String vendorId = createVendor();
        Map<String, Object> request = product(unique("SKU"), createCategory());
        request.put("vendorId", vendorId);
        request.put("vendorProductId", "NL-1");
        String id = given().auth().oauth2(MANAGER).contentType(ContentType.JSON).body(request).post("/products")
                .then().statusCode(201).body("vendorId", equalTo(vendorId)).body("vendorProductId", equalTo("NL-1"))
                .extract().path("id");

        ProductCreated created = EventCodec.data(EventCodec.parse(TopicProbe.awaitKey(Topics.CATALOG_PRODUCT, id,
                "ProductCreated").value()), ProductCreated.TYPE);
        assertThat(created.product().vendorId()).isEqualTo(UUID.fromString(vendorId));

        given().auth().oauth2(TestTokens.vendor(UUID.fromString(vendorId))).get("/products/" + id)
                .then().statusCode(200).body("cost", equalTo(7.10f));
        given().auth().oauth2(TestTokens.forRoles("analyst")).get("/products/" + id)
                .then().statusCode(200).body("cost", nullValue()).body("vendorId", equalTo(vendorId));

        request.remove("vendorId");
        request.put("price", "21.00");
        given().auth().oauth2(MANAGER).contentType(ContentType.JSON).body(request).put("/products/" + id)
                .then().statusCode(200).body("vendorId", equalTo(vendorId)).body("price", equalTo(21.00f));

        Map<String, Object> duplicateReference = product(unique("SKU"), createCategory());
        duplicateReference.put("vendorId", vendorId);
        duplicateReference.put("vendorProductId", "NL-1");
        given().auth().oauth2(MANAGER).contentType(ContentType.JSON).body(duplicateReference).post("/products")
                .then().statusCode(409);
    }

    @Test
    void theUploadIsDocumentedAsACsvBodyInTheOpenApiDocument() {
        String openApi = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract()
                .asString();

        assertThat(openApi).contains("\"/vendors/{vendorId}/uploads\"",
                "\"/vendors/{vendorId}/uploads/{uploadId}/errors\"", "\"text/csv\"", "Upload a CSV file of products",
                "\"Vendor onboarding\"");
    }

    @Test
    void aProductNamesOnlyAVendorThatExistsAndAPlatformProductHasNoVendorReference() {
        Map<String, Object> unknownVendor = product(unique("SKU"), createCategory());
        unknownVendor.put("vendorId", UUID.randomUUID().toString());
        given().auth().oauth2(MANAGER).contentType(ContentType.JSON).body(unknownVendor).post("/products")
                .then().statusCode(422).body("errors[0].field", equalTo("vendorId"));

        Map<String, Object> platform = product(unique("SKU"), createCategory());
        platform.put("vendorProductId", "X-1");
        given().auth().oauth2(MANAGER).contentType(ContentType.JSON).body(platform).post("/products")
                .then().statusCode(422).body("errors[0].field", equalTo("vendorProductId"));
    }

    /**
     * A vendor's contact data is a person's (often a sole trader's): a read by staff leaves an insert into
     * personal_data_read in the binary log, with the reader as its actor, and nothing in the table; the vendor's own
     * read leaves none. A manager's change of the vendor names the manager as well.
     */
    @Test
    void staffReadsOfAVendorAreRecordedInTheBinaryLogAndTheVendorsOwnAreNot() {
        Database catalog = Database.of("catalog");
        BinaryLog binlog = BinaryLog.of(catalog);
        String manager = "manager-" + UUID.randomUUID();
        String token = TestTokens.as(manager, "catalog-manager");
        Map<String, Object> details = vendor(unique("audit") + "@example.com");
        String id = given().auth().oauth2(token).contentType(ContentType.JSON).body(details).post("/vendors")
                .then().statusCode(201).extract().path("id");
        String requestId = "vendor-read-" + UUID.randomUUID();
        BinaryLog.Position before = binlog.position();

        given().auth().oauth2(TestTokens.vendor(UUID.fromString(id))).get("/vendors/" + id)
                .then().statusCode(200).body("taxId", equalTo("SE556677889901"));
        given().auth().oauth2(token).header(RequestId.HEADER, requestId).get("/vendors/" + id)
                .then().statusCode(200).header(RequestId.HEADER, requestId).body("phone", equalTo("+46 8 123 45"));
        details.put("phone", "+46 8 999 99");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(details).put("/vendors/" + id)
                .then().statusCode(200);

        List<String> statements = binlog.statementsSince(before);
        String actor = "/* ec-actor:user%3A" + manager + ";";
        assertThat(statements).filteredOn(s -> s.toLowerCase().contains("insert into personal_data_read")
                        && s.contains(id))
                .singleElement().asString()
                .startsWith(actor + requestId + ";http */")
                .contains("'vendor'", "'name,email,phone,taxId,address'");
        assertThat(statements).filteredOn(s -> s.toLowerCase().startsWith(actor.toLowerCase())
                        && s.toLowerCase().contains("update vendor ") && s.contains(id))
                .hasSize(1);
        assertThat(catalog.count("SELECT COUNT(*) FROM personal_data_read WHERE subject_id = ?", id)).isZero();
    }
}
