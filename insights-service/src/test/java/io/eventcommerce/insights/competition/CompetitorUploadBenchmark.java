package io.eventcommerce.insights.competition;

import io.eventcommerce.events.DomainEvent;
import io.eventcommerce.insights.InsightsFixtures;
import io.eventcommerce.testkit.Database;
import io.eventcommerce.testkit.Deadlines;
import io.eventcommerce.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A seed-sized competitor feed (1,250 watched products × 3 competitors × 80 weeks = 300,000 rows, about 20 MB)
 * uploaded twice against the embedded stack: the first stores every row, the second finds only duplicates. Not part
 * of the build (failsafe runs {@code *IT}): run it with {@code ./mvnw -o verify -pl insights-service -am
 * -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=CompetitorUploadBenchmark
 * -Dfailsafe.failIfNoSpecifiedTests=false}; it prints what it measured.
 */
@QuarkusTest
class CompetitorUploadBenchmark {

    @Test
    void aSeedSizedFeed() {
        int products = Integer.getInteger("bench.products", 1_250);
        int weeks = 80;
        String[][] competitors = {{"BenchA", "US", "NA"}, {"BenchB", "DE", "EU"}, {"BenchC", "AU", "APAC"}};
        UUID category = UUID.randomUUID();
        List<DomainEvent> events = new ArrayList<>();
        List<String> skus = new ArrayList<>();
        for (int p = 0; p < products; p++) {
            UUID id = UUID.randomUUID();
            events.add(InsightsFixtures.product(id, category, "20.00", "8.00"));
            skus.add("SKU-" + id.toString().substring(0, 8));
        }
        InsightsFixtures.send(events.toArray(DomainEvent[]::new));
        Database db = Database.of("insights");
        await().atMost(Deadlines.ASYNC).until(() -> db.count("SELECT COUNT(*) FROM product WHERE category_id = ?",
                category.toString()) == products);
        Random rnd = new Random(7);
        Instant end = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(1, ChronoUnit.HOURS);
        StringBuilder csv = new StringBuilder(String.join(",", CompetitorCsv.COLUMNS)).append('\n');
        int rows = 0;
        for (String sku : skus) {
            for (String[] c : competitors) {
                for (int w = 0; w < weeks; w++) {
                    csv.append(c[0]).append(',').append(c[1]).append(',').append(c[2]).append(',').append(sku)
                            .append(',').append(String.format(Locale.ROOT, "%.2f", 17 + 6 * rnd.nextDouble()))
                            .append(",USD,").append(end.minus(7L * (weeks - 1 - w), ChronoUnit.DAYS)).append('\n');
                    rows++;
                }
            }
        }
        String body = csv.toString();
        String analyst = TestTokens.forRoles("analyst");
        long start = System.nanoTime();
        JsonPath first = given().auth().oauth2(analyst).contentType("text/csv; charset=UTF-8").body(body)
                .post("/competitors/prices/uploads").then().statusCode(200).extract().jsonPath();
        double firstS = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        JsonPath second = given().auth().oauth2(analyst).contentType("text/csv; charset=UTF-8").body(body)
                .post("/competitors/prices/uploads").then().statusCode(200).extract().jsonPath();
        double secondS = (System.nanoTime() - start) / 1e9;
        System.out.printf("competitor upload benchmark: %d rows, %.1f MB: first upload %.1f s (%.0f rows/s, %d "
                        + "stored, %d alerts), re-upload %.1f s (%d duplicates)%n", rows, body.length() / 1e6, firstS,
                rows / firstS, first.getInt("stored"), first.getInt("alerts"), secondS,
                second.getInt("duplicates"));
        assertThat(first.getInt("stored")).isEqualTo(rows);
        assertThat(second.getInt("duplicates")).isEqualTo(rows);
    }
}
