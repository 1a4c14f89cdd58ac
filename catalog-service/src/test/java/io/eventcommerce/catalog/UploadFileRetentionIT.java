package io.eventcommerce.catalog;

import io.eventcommerce.testkit.Database;
import io.eventcommerce.testkit.Deadlines;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.eventcommerce.catalog.CatalogFixtures.MANAGER;
import static io.eventcommerce.catalog.CatalogFixtures.createCategory;
import static io.eventcommerce.catalog.CatalogFixtures.createVendor;
import static io.eventcommerce.catalog.CatalogFixtures.createWarehouse;
import static io.eventcommerce.catalog.CatalogFixtures.unique;
import static io.eventcommerce.catalog.CatalogFixtures.uploadAndAwait;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The stored file of a finished upload is deleted once it is older than catalog.onboarding.file-retention (7 days);
 * the upload and its refused rows stay. The purge runs every 2 s in the test profile.
 */
@QuarkusTest
class UploadFileRetentionIT {

    private static final Database CATALOG = Database.of("catalog");

    @Test
    void theFileOfAnUploadFinishedLongerAgoThanTheRetentionIsDeletedAndTheUploadKept() {
        String vendor = createVendor();
        String warehouse = createWarehouse();
        String slug = given().auth().oauth2(MANAGER).get("/categories/" + createCategory()).then().statusCode(200)
                .extract().path("slug");
        String prefix = unique("RET");
        String csv = "sku,vendor_product_id,product_name,category,price,stock_quantity\n"
                + prefix + "-1,V1,Kettle," + slug + ",19.99,5\n"
                + prefix + "-2,V2,Kettle," + slug + ",not a price,5\n";
        String old = uploadAndAwait(MANAGER, vendor, warehouse, csv).getString("id");
        String recent = uploadAndAwait(MANAGER, vendor, warehouse, csv.replace(prefix, prefix + "B")).getString("id");
        assertThat(chunks(old)).isPositive();
        assertThat(CATALOG.update("UPDATE vendor_upload SET finished_at = UTC_TIMESTAMP(6) - INTERVAL 8 DAY "
                + "WHERE id = ?", old)).isEqualTo(1);

        await().atMost(Deadlines.ASYNC).until(() -> chunks(old) == 0);

        assertThat(chunks(recent)).isPositive();
        given().auth().oauth2(MANAGER).get("/vendors/" + vendor + "/uploads/" + old).then().statusCode(200);
        assertThat(CATALOG.count("SELECT COUNT(*) FROM vendor_upload_error WHERE upload_id = ?", old)).isEqualTo(1);
    }

    private static long chunks(String uploadId) {
        return CATALOG.count("SELECT COUNT(*) FROM vendor_upload_chunk WHERE upload_id = ?", uploadId);
    }
}
