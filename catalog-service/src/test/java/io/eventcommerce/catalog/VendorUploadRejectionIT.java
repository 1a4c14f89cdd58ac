package io.eventcommerce.catalog;

import io.eventcommerce.testkit.Database;
import io.eventcommerce.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.eventcommerce.catalog.CatalogFixtures.MANAGER;
import static io.eventcommerce.catalog.CatalogFixtures.createCategory;
import static io.eventcommerce.catalog.CatalogFixtures.createVendor;
import static io.eventcommerce.catalog.CatalogFixtures.createWarehouse;
import static io.eventcommerce.catalog.CatalogFixtures.unique;
import static io.eventcommerce.catalog.CatalogFixtures.upload;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * A file that cannot be onboarded at all is refused with a 4xx problem and writes nothing; a file that breaks
 * part-way keeps what came before, and says where it broke.
 */
@QuarkusTest
class VendorUploadRejectionIT {

    private static final Database CATALOG = Database.of("catalog");
    private static final String HEADER = "sku,vendor_product_id,product_name,category,price,stock_quantity\n";

    private String vendor;
    private String token;
    private String warehouse;
    private String slug;

    @BeforeEach
    void vendor() {
        vendor = createVendor();
        token = TestTokens.vendor(UUID.fromString(vendor));
        warehouse = createWarehouse();
        slug = given().auth().oauth2(MANAGER).get("/categories/" + createCategory()).then().extract().path("slug");
    }

    private Map<String, Long> counts() {
        return CatalogFixtures.onboardingRowsOf(vendor, warehouse);
    }

    private static ValidatableResponse problem(ValidatableResponse response, int status, String type) {
        return response.statusCode(status).contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("type", equalTo("https://eventcommerce.io/problems/" + type))
                .body(not(containsString("Exception"))).body(not(containsString("java.")));
    }

    private String row(int i) {
        return unique("REJ") + "," + "v-" + i + ",Chair " + i + "," + slug + ",49.00,3\n";
    }

    @Test
    void aFileThatCannotBeOnboardedIsRefusedAndNothingIsWritten() {
        Map<String, Long> before = counts();

        problem(upload(token, vendor, warehouse, "").then(), 422, "validation-failed")
                .body("errors[0].field", equalTo("file"))
                .body("errors[0].message", containsString("is empty"));
        problem(upload(token, vendor, warehouse, "\r\n\r\n").then(), 422, "validation-failed");
        problem(upload(token, vendor, warehouse, "sku,vendor_product_id,product_name,category,stock_quantity\n"
                + "A-1,v,Chair," + slug + ",1\n").then(), 422, "validation-failed")
                .body("errors.field", hasItem("header"))
                .body("errors.message", hasItem("missing column 'price'"));
        problem(upload(token, vendor, warehouse, HEADER.replace("\n", ",colour\n") + row(1).replace("\n", ",red\n"))
                .then(), 422, "validation-failed")
                .body("errors.message", hasItem("unknown column 'colour'"));
        problem(given().auth().oauth2(token).contentType(ContentType.JSON).queryParam("warehouseId", warehouse)
                .body("{\"sku\":\"A\"}").post("/vendors/" + vendor + "/uploads").then(), 415,
                "unsupported-media-type").body("detail", equalTo("Send the file as text/csv in UTF-8"));
        problem(given().auth().oauth2(token).contentType("text/csv; charset=ISO-8859-1")
                .queryParam("warehouseId", warehouse).body((HEADER + row(1)).getBytes(StandardCharsets.ISO_8859_1))
                .post("/vendors/" + vendor + "/uploads").then(), 415, "unsupported-media-type");
        problem(given().auth().oauth2(token).contentType("text/csv; charset=UTF-8").body(HEADER + row(1))
                .post("/vendors/" + vendor + "/uploads").then(), 422, "validation-failed")
                .body("errors[0].field", equalTo("warehouseId"));
        problem(upload(token, vendor, UUID.randomUUID().toString(), HEADER + row(1)).then(), 422,
                "validation-failed").body("errors[0].field", equalTo("warehouseId"));
        problem(upload(MANAGER, UUID.randomUUID().toString(), warehouse, HEADER + row(1)).then(), 404, "not-found");

        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void aSuspendedVendorCannotUpload() {
        given().auth().oauth2(MANAGER).contentType(ContentType.JSON)
                .body(Map.of("name", "Suspended", "email", unique("s") + "@example.com", "country", "FR",
                        "status", "SUSPENDED"))
                .put("/vendors/" + vendor).then().statusCode(200).body("status", equalTo("SUSPENDED"));
        Map<String, Long> before = counts();

        problem(upload(token, vendor, warehouse, HEADER + row(1)).then(), 409, "conflict")
                .body("detail", containsString("SUSPENDED"));
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void aFileThatStopsBeingUtf8PartWayFailsAndKeepsTheRowsBefore() {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(HEADER.getBytes(StandardCharsets.UTF_8));
        for (int i = 1; i <= 500; i++) {
            file.writeBytes(row(i).getBytes(StandardCharsets.UTF_8));
        }
        file.writeBytes(new byte[]{'X', ',', (byte) 0xC3, (byte) 0x28, '\n'});
        file.writeBytes(row(502).getBytes(StandardCharsets.UTF_8));

        String id = given().auth().oauth2(token).contentType("text/csv; charset=UTF-8")
                .queryParam("warehouseId", warehouse).body(file.toByteArray()).post("/vendors/" + vendor + "/uploads")
                .then().statusCode(202).body("status", equalTo("QUEUED")).body("totalRows", equalTo(500))
                .extract().path("id");
        var upload = CatalogFixtures.awaitUpload(token, vendor, id);
        assertThat(upload.getString("status")).isEqualTo("FAILED");

        Matcher at = Pattern.compile("not UTF-8 text after data row (\\d+)").matcher(upload.getString("failureReason"));
        assertThat(at.find()).as(upload.getString("failureReason")).isTrue();
        int applied = Integer.parseInt(at.group(1));
        assertThat(applied).as("every row before the bad byte").isEqualTo(500);
        assertThat(upload.getInt("totalRows")).isEqualTo(applied);
        assertThat(upload.getInt("validRows")).isEqualTo(applied);
        assertThat(upload.getString("finishedAt")).isNotNull();
        assertThat(CATALOG.count("SELECT COUNT(*) FROM product WHERE vendor_id = ?", vendor)).isEqualTo(applied);
    }

    @Test
    void anUnclosedQuoteFailsTheUploadAfterTheLastReadableRow() {
        String csv = HEADER + row(1) + row(2) + row(3) + "\"" + unique("REJ") + ",v-4,Chair," + slug + ",49.00,3\n";

        var upload = CatalogFixtures.uploadAndAwait(token, vendor, warehouse, csv);
        assertThat(upload.getString("status")).isEqualTo("FAILED");
        assertThat(upload.getString("failureReason")).contains("not valid CSV after data row 3");
        assertThat(upload.getInt("totalRows")).isEqualTo(3);
        assertThat(upload.getInt("rowsDone")).isEqualTo(3);
        assertThat(upload.getInt("validRows")).isEqualTo(3);
        assertThat(upload.getInt("errorRows")).isEqualTo(0);
    }
}
