package io.eventcommerce.catalog;

import io.eventcommerce.catalog.onboarding.service.UploadProcessor;
import io.eventcommerce.catalog.onboarding.service.UploadWorker;
import io.eventcommerce.events.Topics;
import io.eventcommerce.testkit.Database;
import io.eventcommerce.testkit.TestTokens;
import io.eventcommerce.testkit.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.eventcommerce.catalog.CatalogFixtures.MANAGER;
import static io.eventcommerce.catalog.CatalogFixtures.createCategory;
import static io.eventcommerce.catalog.CatalogFixtures.createVendor;
import static io.eventcommerce.catalog.CatalogFixtures.createWarehouse;
import static io.eventcommerce.catalog.CatalogFixtures.unique;
import static io.eventcommerce.catalog.CatalogFixtures.upload;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * An upload whose worker died part-way is resumed and ends exactly as an uninterrupted run: no row lost, none
 * applied or published twice. The background worker is off in this profile, so the test plays both the instance
 * that dies (it processes some batches under a lease of an earlier run, then stops) and the restarted one.
 */
@QuarkusTest
@TestProfile(UploadResumeIT.WorkerOff.class)
class UploadResumeIT {

    public static class WorkerOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("catalog.onboarding.worker-enabled", "false", "catalog.onboarding.batch-size", "100");
        }
    }

    private static final Database CATALOG = Database.of("catalog");
    private static final String HEADER = "sku,vendor_product_id,product_name,category,price,stock_quantity\n";
    private static final int ROWS = 450;

    @Inject
    UploadProcessor processor;

    @Inject
    UploadWorker worker;

    /**
     * A file whose late rows depend on early ones: duplicates of SKUs and vendor product ids of rows 1–200 (which
     * the dead worker committed) in rows 300–450, and invalid rows on both sides of the crash.
     */
    private static String file(String prefix, String slug) {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 1; i <= ROWS; i++) {
            String sku = prefix + "-" + (i % 50 == 0 && i > 250 ? i - 250 : i);
            String vendorProductId = "v-" + (i % 70 == 0 && i > 250 ? i - 210 : i);
            String price = i % 37 == 0 ? "abc" : "9.50";
            csv.append(sku).append(',').append(vendorProductId).append(",Lamp ").append(i).append(',').append(slug)
                    .append(',').append(price).append(',').append(i % 5).append('\n');
        }
        return csv.toString();
    }

    private record Outcome(Map<String, Object> counts, Map<Integer, String> errors, Map<String, Long> ledger,
                           Set<String> productIds) {
    }

    private static Outcome outcome(String vendor, String uploadId, String prefix) {
        JsonPath upload = CatalogFixtures.awaitUpload(MANAGER, vendor, uploadId);
        Map<String, Object> counts = new TreeMap<>();
        for (String field : List.of("status", "totalRows", "rowsDone", "validRows", "errorRows", "createdCount",
                "updatedCount")) {
            counts.put(field, upload.get(field));
        }
        Map<Integer, String> errors = new TreeMap<>();
        CATALOG.query("SELECT row_no, error_type FROM vendor_upload_error WHERE upload_id = ?", uploadId)
                .forEach(r -> errors.put(((Number) r.get("row_no")).intValue(), (String) r.get("error_type")));
        // Per SKU (without the test's prefix): ledger rows of this upload; one per stocked product, never two.
        Map<String, Long> ledger = new TreeMap<>();
        CATALOG.query("""
                SELECT p.sku, COUNT(m.id) AS n FROM product p
                LEFT JOIN inventory_movement m ON m.product_id = p.id AND m.reference_id = ?
                WHERE p.vendor_id = ? GROUP BY p.sku""", uploadId, vendor)
                .forEach(r -> ledger.put(((String) r.get("sku")).substring(prefix.length()),
                        ((Number) r.get("n")).longValue()));
        Set<String> ids = CATALOG.query("SELECT id FROM product WHERE vendor_id = ?", vendor).stream()
                .map(r -> (String) r.get("id")).collect(Collectors.toSet());
        return new Outcome(counts, errors, ledger, ids);
    }

    /** Distinct ProductCreated event ids per product: one each, or an event was published twice. */
    private static Map<String, Set<String>> createdEvents(Set<String> productIds) {
        Map<String, Set<String>> events = new HashMap<>();
        for (ConsumerRecord<String, String> r : TopicProbe.readAll(Topics.CATALOG_PRODUCT)) {
            if (productIds.contains(r.key()) && "ProductCreated".equals(TopicProbe.header(r, "eventType"))) {
                events.computeIfAbsent(r.key(), k -> new java.util.HashSet<>()).add(TopicProbe.header(r, "id"));
            }
        }
        return events;
    }

    @Test
    void anUploadWhoseWorkerDiedIsResumedAndEndsAsAnUninterruptedRun() {
        String slug = given().auth().oauth2(MANAGER).get("/categories/" + createCategory()).then().extract()
                .path("slug");
        String warehouse = createWarehouse();

        // The reference: the same file, processed in one go.
        String refVendor = createVendor();
        String refPrefix = unique("REF").toUpperCase();
        String refId = upload(TestTokens.vendor(UUID.fromString(refVendor)), refVendor, warehouse,
                file(refPrefix, slug)).then().statusCode(202).extract().path("id");
        var ref = processor.claim(UUID.fromString(refId), "reference/1", "reference").orElseThrow();
        processor.process(ref);
        Outcome expected = outcome(refVendor, refId, refPrefix);
        assertThat(expected.counts()).containsEntry("status", "COMPLETED").containsEntry("rowsDone", ROWS);

        // The crash: an earlier run of this very instance commits two batches (200 rows), then dies.
        String vendor = createVendor();
        String prefix = unique("RES").toUpperCase();
        String token = TestTokens.vendor(UUID.fromString(vendor));
        String uploadId = upload(token, vendor, warehouse, file(prefix, slug)).then().statusCode(202)
                .body("status", equalTo("QUEUED")).body("totalRows", equalTo(ROWS)).extract().path("id");
        String instance = worker.leaseOwner().substring(0, worker.leaseOwner().indexOf('/'));
        var dying = processor.claim(UUID.fromString(uploadId), instance + "/earlier-run", instance).orElseThrow();
        processor.process(dying, 2);

        JsonPath midway = given().auth().oauth2(token).get("/vendors/" + vendor + "/uploads/" + uploadId).then()
                .statusCode(200).body("status", equalTo("PROCESSING")).body("rowsDone", equalTo(200))
                .extract().jsonPath();
        assertThat(midway.getInt("validRows") + midway.getInt("errorRows")).isEqualTo(200);
        assertThat(midway.getDouble("rowsPerSecond")).isPositive();
        assertThat(midway.getString("estimatedFinishAt")).isNotNull();
        assertThat(worker.runOnce()).as("the lease is still held: nobody takes the upload over yet").isZero();

        // The restart: the instance lets its earlier run's lease go and resumes after row 200.
        worker.takeBackOwnUploads();
        assertThat(worker.runOnce()).isEqualTo(1);

        Outcome resumed = outcome(vendor, uploadId, prefix);
        assertThat(resumed.counts()).isEqualTo(expected.counts());
        assertThat(resumed.errors()).isEqualTo(expected.errors());
        assertThat(resumed.errors()).containsEntry(300, "DUPLICATE_SKU_IN_FILE")
                .containsEntry(350, "DUPLICATE_SKU_IN_FILE").containsEntry(37, "INVALID_PRICE");
        assertThat(resumed.ledger()).isEqualTo(expected.ledger());
        assertThat(resumed.ledger().values()).allMatch(n -> n <= 1);
        assertThat(resumed.productIds()).hasSize(expected.productIds().size());

        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(3)).untilAsserted(() -> {
            Map<String, Set<String>> events = createdEvents(resumed.productIds());
            assertThat(events.keySet()).isEqualTo(resumed.productIds());
            assertThat(events.values()).as("one ProductCreated per product").allMatch(ids -> ids.size() == 1);
        });
    }

    @Test
    void aQueuedUploadIsCancelledOnceAndThenNoWorkerTakesIt() {
        String slug = given().auth().oauth2(MANAGER).get("/categories/" + createCategory()).then().extract()
                .path("slug");
        String warehouse = createWarehouse();
        String vendor = createVendor();
        String token = TestTokens.vendor(UUID.fromString(vendor));
        String uploadId = upload(token, vendor, warehouse, file(unique("CAN").toUpperCase(), slug)).then()
                .statusCode(202).extract().path("id");

        given().auth().oauth2(token).post("/vendors/" + vendor + "/uploads/" + uploadId + "/cancel").then()
                .statusCode(200).body("status", equalTo("CANCELLED")).body("rowsDone", equalTo(0));
        given().auth().oauth2(token).post("/vendors/" + vendor + "/uploads/" + uploadId + "/cancel").then()
                .statusCode(409).contentType("application/problem+json");
        assertThat(processor.claim(UUID.fromString(uploadId), "someone/1", "someone")).isEmpty();
        assertThat(CATALOG.count("SELECT COUNT(*) FROM product WHERE vendor_id = ?", vendor)).isZero();
    }
}
