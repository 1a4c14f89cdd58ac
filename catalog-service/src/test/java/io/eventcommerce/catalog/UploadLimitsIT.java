package io.eventcommerce.catalog;

import io.eventcommerce.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import static io.eventcommerce.catalog.CatalogFixtures.MANAGER;
import static io.eventcommerce.catalog.CatalogFixtures.createCategory;
import static io.eventcommerce.catalog.CatalogFixtures.createVendor;
import static io.eventcommerce.catalog.CatalogFixtures.createWarehouse;
import static io.eventcommerce.catalog.CatalogFixtures.unique;
import static io.eventcommerce.catalog.CatalogFixtures.upload;
import static io.eventcommerce.catalog.CatalogFixtures.uploadAndAwait;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

/**
 * The size and row limits of an upload, lowered in this profile (4 KiB, stored in 1 KiB chunks so that an oversized
 * body has chunks stored before the limit is met, which must roll back; 20 rows): over either, a problem+json answer
 * and nothing stored.
 */
@QuarkusTest
@TestProfile(UploadLimitsIT.SmallLimits.class)
class UploadLimitsIT {

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("catalog.onboarding.max-file-bytes", "4096", "catalog.onboarding.max-rows", "20",
                    "catalog.onboarding.chunk-bytes", "1024");
        }
    }

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

    private String file(int rows, int nameLength) {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 1; i <= rows; i++) {
            csv.append(unique("LIM")).append(",v-").append(i).append(',').append("n".repeat(nameLength)).append(',')
                    .append(slug).append(",9.00,1\n");
        }
        return csv.toString();
    }

    private void nothingStored() {
        assertThat(CatalogFixtures.onboardingRowsOf(vendor, warehouse).values()).containsOnly(0L);
    }

    private static void tooLarge(ValidatableResponse response) {
        response.statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("https://eventcommerce.io/problems/payload-too-large"))
                .body("detail", equalTo("The file is larger than 4096 bytes; send it as several files"));
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedFromItsContentLength() {
        String csv = file(40, 150);
        assertThat(csv.length()).isGreaterThan(4096);

        tooLarge(upload(token, vendor, warehouse, csv).then());
        nothingStored();
    }

    /** Without a Content-Length the limit is met while the body is stored: the chunks stored so far roll back. */
    @Test
    void aStreamedFileOverTheSizeLimitIsRefusedAndItsStoredChunksRollBack() {
        String csv = file(15, 300);
        assertThat(csv.length()).isGreaterThan(4096);

        tooLarge(given().auth().oauth2(token).contentType("text/csv; charset=UTF-8")
                .queryParam("warehouseId", warehouse)
                .body(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)))
                .post("/vendors/" + vendor + "/uploads").then());
        nothingStored();
    }

    @Test
    void aFileOverTheRowLimitIsRefusedAndNothingIsStored() {
        upload(token, vendor, warehouse, file(21, 1)).then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", everyItem(equalTo("file")))
                .body("errors[0].message", equalTo("has more than 20 data rows; send it as several files"));
        nothingStored();

        assertThat(uploadAndAwait(token, vendor, warehouse, file(20, 1)).getInt("validRows")).isEqualTo(20);
    }
}
