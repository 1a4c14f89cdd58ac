package io.eventcommerce.insights.competition;

import io.eventcommerce.events.Topics;
import io.eventcommerce.insights.InsightsFixtures;
import io.eventcommerce.testkit.Database;
import io.eventcommerce.testkit.Deadlines;
import io.eventcommerce.testkit.TestTokens;
import io.eventcommerce.testkit.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Competitor prices end to end on this test's own products and competitors: JSON batches and CSV uploads with good
 * and bad rows, duplicates on re-sending, the price index, the undercut alerts on insights.pricing (one per change
 * into undercut) and the competitor analysis of the test's category.
 */
@QuarkusTest
class CompetitorPricesIT {

    private static final String ANALYST = TestTokens.forRoles("analyst");
    private static final String CSV = "text/csv; charset=UTF-8";

    private static Map<String, Object> item(String competitor, String country, String sku, String price,
                                            Instant at) {
        return Map.of("competitor", competitor, "country", country, "sku", sku, "price", price, "currency", "USD",
                "observedAt", at.toString());
    }

    private static JsonPath post(List<Map<String, Object>> items) {
        return given().auth().oauth2(ANALYST).contentType("application/json").body(items)
                .post("/competitors/prices").then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath upload(String csv) {
        return given().auth().oauth2(ANALYST).contentType(CSV).body(csv).post("/competitors/prices/uploads")
                .then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath get(String path) {
        return given().auth().oauth2(ANALYST).get(path).then().statusCode(200).extract().jsonPath();
    }

    private static List<ConsumerRecord<String, String>> alerts(UUID product, String competitor) {
        return TopicProbe.readAll(Topics.INSIGHTS_PRICING).stream()
                .filter(r -> product.toString().equals(r.key()))
                .filter(r -> competitor.equals(JsonPath.from(r.value()).getString("data.competitor")))
                .toList();
    }

    @Test
    void observationsAreStoredOnceIndexedAndAlertOnTheChangeIntoUndercut() {
        UUID category = UUID.randomUUID();
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        String skuA = "SKU-" + a.toString().substring(0, 8);
        String skuB = "SKU-" + b.toString().substring(0, 8);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String euro = "ItEuro-" + tag;
        String yank = "ItYank-" + tag;
        InsightsFixtures.send(InsightsFixtures.product(a, category, "10.00", "4.00"),
                InsightsFixtures.product(b, category, "20.00", "8.00"));
        Database db = Database.of("insights");
        await().atMost(Deadlines.ASYNC).until(() -> db.count("SELECT COUNT(*) FROM product WHERE product_id IN "
                + "(?, ?)", a.toString(), b.toString()) == 2);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String rows = "SELECT COUNT(*) FROM competitive_pricing WHERE product_id IN (?, ?)";

        // JSON: A undercut by 20 % (alert), B level with us.
        List<Map<String, Object>> first = List.of(item(euro, "DE", skuA, "8.00", now.minus(48, ChronoUnit.HOURS)),
                item(euro, "DE", skuB, "20.00", now.minus(48, ChronoUnit.HOURS)));
        JsonPath stored = post(first);
        assertThat(stored.getInt("stored")).isEqualTo(2);
        assertThat(stored.getInt("duplicates")).isZero();
        assertThat(stored.getInt("alerts")).isEqualTo(1);

        // A bad batch names each bad item and stores nothing, not even its good item.
        JsonPath refused = given().auth().oauth2(ANALYST).contentType("application/json").body(List.of(
                        item(euro, "DE", skuA, "9.00", now.minus(47, ChronoUnit.HOURS)),
                        item(euro, "DE", "NO-SUCH-" + tag, "9.00", now),
                        item(euro, "DE", skuA, "-1", now),
                        item(euro, "DE", skuA, "9.00", now.plus(1, ChronoUnit.DAYS)),
                        Map.of("competitor", euro, "country", "DE", "sku", skuA, "price", "9.00", "currency", "ABC",
                                "observedAt", now.toString())))
                .post("/competitors/prices").then().statusCode(422).contentType("application/problem+json")
                .extract().jsonPath();
        assertThat(refused.getList("errors.field", String.class))
                .contains("[1].sku", "[2].price", "[3].observedAt", "[4].currency");
        assertThat(db.count(rows, a.toString(), b.toString())).isEqualTo(2);

        // Re-sent: duplicates, no new alert.
        JsonPath again = post(first);
        assertThat(again.getInt("stored")).isZero();
        assertThat(again.getInt("duplicates")).isEqualTo(2);
        assertThat(again.getInt("alerts")).isZero();

        // CSV: two good rows (B undercut by 10 %: alert), three bad ones, one duplicate of the JSON batch.
        String file = String.join("\n", String.join(",", CompetitorCsv.COLUMNS),
                yank + ",US,NA," + skuA + ",11.00,USD," + now.minus(40, ChronoUnit.HOURS),
                yank + ",US,NA," + skuB + ",18.00,USD," + now.minus(40, ChronoUnit.HOURS),
                yank + ",US,NA,NO-SUCH-" + tag + ",5.00,USD," + now.minus(40, ChronoUnit.HOURS),
                "=HYPERLINK(\"x\"),US,NA," + skuA + ",5.00,USD," + now.minus(40, ChronoUnit.HOURS),
                yank + ",US,NA," + skuA + ",0,USD," + now.minus(39, ChronoUnit.HOURS),
                euro + ",DE,EU," + skuA + ",8.00,USD," + now.minus(48, ChronoUnit.HOURS)) + "\n";
        JsonPath uploaded = upload(file);
        assertThat(uploaded.getInt("rowsRead")).isEqualTo(6);
        assertThat(uploaded.getInt("stored")).isEqualTo(2);
        assertThat(uploaded.getInt("duplicates")).isEqualTo(1);
        assertThat(uploaded.getInt("errorRows")).isEqualTo(3);
        assertThat(uploaded.getInt("alerts")).isEqualTo(1);
        assertThat(uploaded.getList("errors", Map.class)).extracting(e -> e.get("row") + ":" + e.get("column"))
                .containsExactly("3:sku", "4:competitor", "5:price");
        JsonPath reUploaded = upload(file);
        assertThat(reUploaded.getInt("stored")).isZero();
        assertThat(reUploaded.getInt("duplicates")).isEqualTo(3);
        assertThat(reUploaded.getInt("errorRows")).isEqualTo(3);
        assertThat(reUploaded.getInt("alerts")).isZero();
        assertThat(db.count(rows, a.toString(), b.toString())).isEqualTo(4);

        // A wrong header or a body that is not CSV stores nothing.
        given().auth().oauth2(ANALYST).contentType(CSV)
                .body("competitor,country,sku,price\n" + yank + ",US," + skuA + ",1.00\n")
                .post("/competitors/prices/uploads").then().statusCode(422).contentType("application/problem+json");
        given().auth().oauth2(ANALYST).contentType("application/json").body("{}")
                .post("/competitors/prices/uploads").then().statusCode(415);
        given().auth().oauth2(TestTokens.forRoles("catalog-manager")).contentType(CSV).body(file)
                .post("/competitors/prices/uploads").then().statusCode(403);
        assertThat(db.count(rows, a.toString(), b.toString())).isEqualTo(4);

        // A goes back above the threshold, then below again: a second alert, after none for the re-sends.
        post(List.of(item(euro, "DE", skuA, "10.00", now.minus(30, ChronoUnit.HOURS)),
                item(euro, "DE", skuA, "7.00", now.minus(12, ChronoUnit.HOURS))));
        String last = now.minus(12, ChronoUnit.HOURS).toString();
        TopicProbe.await(Topics.INSIGHTS_PRICING, r -> a.toString().equals(r.key())
                && last.equals(JsonPath.from(r.value()).getString("data.observedAt")), Deadlines.ASYNC);
        List<ConsumerRecord<String, String>> euroOnA = alerts(a, euro);
        assertThat(euroOnA).extracting(r -> JsonPath.from(r.value()).getString("data.competitorPrice"))
                .containsExactly("8.00", "7.00");
        JsonPath alert = JsonPath.from(euroOnA.get(0).value());
        assertThat(alert.getString("type")).isEqualTo("CompetitorUndercut");
        assertThat(alert.getString("data.ourPrice")).isEqualTo("10.00");
        assertThat(alert.getString("data.undercutBy")).isEqualTo("0.2000");
        assertThat(alert.getString("data.region")).isEqualTo("EU");
        assertThat(alerts(b, yank)).hasSize(1);
        assertThat(alerts(b, euro)).isEmpty();

        // History: A's four observations, newest first.
        JsonPath history = get("/competitors/prices?productId=" + a + "&size=10");
        assertThat(history.getLong("totalItems")).isEqualTo(4);
        assertThat(history.getFloat("items[0].price")).isEqualTo(7.0f);
        assertThat(history.getString("items[0].source")).isEqualTo("API");

        // Index: A 10 / mean(7, 11) = 111.11; B 20 / mean(20, 18) = 105.26; category (10 + 20) / (9 + 19).
        assertThat(get("/competitors/price-index?level=product&key=" + a).getFloat("items[0].index"))
                .isEqualTo(111.11f);
        JsonPath indexB = get("/competitors/price-index?level=product&key=" + b);
        assertThat(indexB.getFloat("items[0].index")).isEqualTo(105.26f);
        assertThat(indexB.getInt("items[0].competitors")).isEqualTo(2);
        JsonPath byCategory = get("/competitors/price-index?level=category&key=" + category);
        assertThat(byCategory.getFloat("items[0].index")).isEqualTo(107.14f);
        assertThat(byCategory.getInt("items[0].products")).isEqualTo(2);
        assertThat(byCategory.getInt("items[0].observations")).isEqualTo(4);
        given().auth().oauth2(TestTokens.forRoles("catalog-manager"))
                .get("/competitors/price-index?level=region&key=EU").then().statusCode(200);
        given().auth().oauth2(ANALYST).get("/competitors/price-index?level=brand").then().statusCode(422);
        given().auth().oauth2(ANALYST).get("/competitors/price-index?level=product&key=" + UUID.randomUUID())
                .then().statusCode(404);

        // The analysis of the test's category: EU (A 7 undercut, B 20 not), NA (A 11 not, B 18 undercut).
        String location = given().auth().oauth2(ANALYST).post("/analysis/kinds/competitor-analysis/runs").then()
                .statusCode(202).extract().header("Location");
        await().atMost(Deadlines.ASYNC).until(() -> !"RUNNING".equals(get(location).getString("status")));
        assertThat(get(location).getString("status")).isEqualTo("COMPLETED");
        JsonPath analysis = get("/competitors/analysis?categoryId=" + category);
        assertThat(analysis.getList("region", String.class)).containsExactly("EU", "NA");
        assertThat(analysis.getInt("[0].products")).isEqualTo(2);
        assertThat(analysis.getInt("[0].undercut")).isEqualTo(1);
        assertThat(analysis.getFloat("[0].undercutShare")).isEqualTo(0.5f);
        // EU: (10 + 20) / (7 + 20) = 1.1111; NA: (10 + 20) / (11 + 18) = 1.0345.
        assertThat(analysis.getFloat("[0].pricePosition")).isEqualTo(1.1111f);
        assertThat(analysis.getFloat("[1].pricePosition")).isEqualTo(1.0345f);
        assertThat(analysis.getString("[0].trendDirection")).isNull();
    }
}
