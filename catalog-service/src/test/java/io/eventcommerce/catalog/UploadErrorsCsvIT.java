package io.eventcommerce.catalog;

import io.eventcommerce.testkit.Database;
import io.eventcommerce.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.eventcommerce.catalog.CatalogFixtures.MANAGER;
import static io.eventcommerce.catalog.CatalogFixtures.createCategory;
import static io.eventcommerce.catalog.CatalogFixtures.createVendor;
import static io.eventcommerce.catalog.CatalogFixtures.createWarehouse;
import static io.eventcommerce.catalog.CatalogFixtures.unique;
import static io.eventcommerce.catalog.CatalogFixtures.uploadAndAwait;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The refused rows as a CSV file: downloaded (quoted, neutralised against formula injection, card numbers masked),
 * corrected by the vendor and sent back as it is, error columns and neutralising quotes included; the corrected
 * rows are then created.
 */
@QuarkusTest
class UploadErrorsCsvIT {

    private static final Database CATALOG = Database.of("catalog");
    private static final String PAN = "4111 1111 1111 1111";

    private static String errorsCsv(String token, String vendor, String upload, String type) {
        var request = given().auth().oauth2(token);
        if (type != null) {
            request.queryParam("type", type);
        }
        Response response = request.get("/vendors/" + vendor + "/uploads/" + upload + "/errors.csv");
        response.then().statusCode(200).contentType("text/csv")
                .header("Content-Disposition", equalTo("attachment; filename=\"products-errors.csv\""));
        return response.asString();
    }

    @Test
    void theRefusedRowsDownloadNeutralisedAndCorrectedAreCreatedWhenSentBack() {
        String vendor = createVendor();
        String token = TestTokens.vendor(UUID.fromString(vendor));
        String warehouse = createWarehouse();
        String slug = given().auth().oauth2(MANAGER).get("/categories/" + createCategory()).then().extract()
                .path("slug");
        String p = unique("ERR");
        String file = "sku,vendor_product_id,product_name,category,price,stock_quantity,description\n"
                + p + "-1,v1,Kettle," + slug + ",19.90,3,fine\n"
                + p + "-2,v2,Mug," + slug + ",-5,3,\"big, \"\"blue\"\"\"\n"
                + p + "-3,v3,=SUM(A1)," + slug + ",abc,3,sums\n"
                + p + "-4,v4,Lamp," + slug + ",9.00,3,paid with " + PAN + "\n"
                + p + "-5,v5,Chair," + slug + ",49.00,@7,\"two\nlines\"\n";

        JsonPath first = uploadAndAwait(token, vendor, warehouse, file);
        assertThat(first.getInt("validRows")).isEqualTo(1);
        assertThat(first.getInt("errorRows")).isEqualTo(4);
        String upload = first.getString("id");

        String csv = errorsCsv(token, vendor, upload, null);
        List<String> lines = List.of(csv.split("\r\n"));
        assertThat(lines.get(0)).isEqualTo("\"sku\",\"vendor_product_id\",\"product_name\",\"category\",\"price\","
                + "\"stock_quantity\",\"description\",\"error_row\",\"error_type\",\"error_message\"");
        assertThat(lines).hasSize(5);
        assertThat(lines.get(1)).startsWith("\"" + p + "-2\",\"v2\",\"Mug\",\"" + slug + "\",\"'-5\",\"3\","
                + "\"big, \"\"blue\"\"\",\"2\",\"INVALID_PRICE\",\"price: '-5' must be more than 0\"");
        assertThat(lines.get(2)).startsWith("\"" + p + "-3\",\"v3\",\"'=SUM(A1)\",").contains("\"INVALID_PRICE\"");
        assertThat(lines.get(3)).contains("\"paid with ****1111\"", "\"4\",\"CARD_NUMBER\"").doesNotContain(PAN);
        assertThat(lines.get(4)).contains("\"'@7\",\"two\nlines\",\"5\",\"INVALID_STOCK\"");

        List<String> cards = List.of(errorsCsv(token, vendor, upload, "CARD_NUMBER").split("\r\n"));
        assertThat(cards).hasSize(2);
        assertThat(cards.get(1)).contains("\"4\",\"CARD_NUMBER\"");
        // No refused row kept the card number, in its text or its message.
        List<Map<String, Object>> stored = CATALOG.query("SELECT original_row, message FROM vendor_upload_error "
                + "WHERE upload_id = ?", upload);
        assertThat(stored).hasSize(4).allSatisfy(row -> assertThat((row.get("original_row") + " "
                + row.get("message")).replaceAll("[^0-9]", "")).doesNotContain("4111111111111111"));

        // Same roles and vendor scoping as the JSON list: another vendor's upload does not exist for this one.
        String other = TestTokens.vendor(UUID.fromString(createVendor()));
        given().auth().oauth2(other).get("/vendors/" + vendor + "/uploads/" + upload + "/errors.csv")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(token).get("/vendors/" + vendor + "/uploads/" + UUID.randomUUID() + "/errors.csv")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(token).queryParam("type", "NO_SUCH_TYPE")
                .get("/vendors/" + vendor + "/uploads/" + upload + "/errors.csv")
                .then().statusCode(422).body("errors[0].field", equalTo("type"));

        // The vendor corrects the values in the downloaded file and sends it back unchanged in shape.
        String corrected = csv.replace("\"'-5\"", "\"5.00\"").replace("\"abc\"", "\"6.00\"")
                .replace("paid with ****1111", "paid by card").replace("\"'@7\"", "\"7\"");
        JsonPath second = uploadAndAwait(token, vendor, warehouse, corrected);
        assertThat(second.getString("status")).isEqualTo("COMPLETED");
        assertThat(second.getInt("errorRows")).isZero();
        assertThat(second.getInt("createdCount")).isEqualTo(4);
        assertThat(CATALOG.query("SELECT sku, name, price FROM product WHERE vendor_id = ? ORDER BY sku", vendor))
                .extracting(r -> r.get("sku") + "|" + r.get("name") + "|" + r.get("price"))
                .containsExactly(p + "-1|Kettle|19.90", p + "-2|Mug|5.00", p + "-3|=SUM(A1)|6.00",
                        p + "-4|Lamp|9.00", p + "-5|Chair|49.00");
    }
}
