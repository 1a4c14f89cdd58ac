package io.eventcommerce.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventcommerce.devstack.PlatformService;
import io.eventcommerce.devstack.RunningServices;
import io.eventcommerce.events.EventCodec;
import io.eventcommerce.events.Topics;
import io.eventcommerce.testkit.Database;
import io.eventcommerce.testkit.Deadlines;
import io.eventcommerce.testkit.TestTokens;
import io.eventcommerce.testkit.TopicProbe;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import static io.eventcommerce.systemtests.Platform.CATALOG_MANAGER;
import static io.eventcommerce.systemtests.Platform.catalog;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * catalog-service is SIGKILLed in the middle of a vendor upload (20,000 rows in CI, 100,000 with
 * {@code -Dupload.crash.rows=100000}) and started again on the same port with
 * the same configuration, as a supervisor would: the upload resumes after its last committed batch and ends exactly
 * as an uninterrupted run ends (docs/vendor-onboarding.md, "Resuming"): every valid row one new product with its
 * stock and ledger line, every bad row refused once, and on the topics one ProductCreated and one StockLevelChanged
 * per product, none lost and none published twice. {@code UploadResumeIT} plays the same crash inside one JVM; this
 * is the real one: the process dies with its transaction open, and the restarted instance takes its lease back.
 */
class UploadCrashIT {

    private static final Database CATALOG_DB = Database.of("catalog");
    private static final Database ORDERS_DB = Database.of("orders");
    private static final String HEADER = "sku,vendor_product_id,product_name,category,price,stock_quantity\n";
    /**
     * 20,000 rows in the CI run (the whole drill in about two minutes while four services and the audit connector
     * share two cores); {@code -Dupload.crash.rows=100000} plays the full-size drill of docs/vendor-onboarding.md.
     */
    private static final int ROWS = Integer.getInteger("upload.crash.rows", 20_000);
    /** Rows 1000, 3000, ... have a bad price: refused rows before and after the crash. */
    private static final int BAD_EVERY = 2_000;
    private static final int BAD = ROWS / BAD_EVERY;
    private static final int VALID = ROWS - BAD;
    /** Killed once this many rows are done: well into the file, and long before its end at any known rate. */
    private static final int KILL_AFTER = ROWS / 10;
    /** A deadline, not a timing assertion: 100,000 rows at the slowest rate seen (~300 rows/s) plus a margin. */
    private static final Duration PROCESSING = Duration.ofMinutes(12);
    private static final Set<String> FINAL = Set.of("COMPLETED", "FAILED", "CANCELLED");

    private static boolean bad(int row) {
        return row % BAD_EVERY == BAD_EVERY / 2;
    }

    private static int stock(int row) {
        return row % 7; // 0 too: a product kept in the warehouse with nothing on hand
    }

    private static String sku(String prefix, int row) {
        return prefix + row;
    }

    /** Short rows: 100,000 of them stay well below the 10 MB request body limit. */
    private static String file(String prefix, String categorySlug) {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int row = 1; row <= ROWS; row++) {
            csv.append(sku(prefix, row)).append(",v").append(row).append(",Lamp ").append(row).append(',')
                    .append(categorySlug).append(',').append(bad(row) ? "abc" : "9.50").append(',')
                    .append(stock(row)).append('\n');
        }
        return csv.toString();
    }

    @Test
    void catalogKilledMidUploadResumesItAndTheUploadEndsAsAnUninterruptedRun() {
        RunningServices services = Platform.services();
        String suffix = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String prefix = "UC-" + suffix + "-";
        String categoryId = Platform.createCategory("Crash " + suffix);
        String slug = catalog(CATALOG_MANAGER).get("/categories/" + categoryId).then().statusCode(200).extract()
                .path("slug");
        String warehouse = catalog(CATALOG_MANAGER).body(Map.of("code", "UC" + suffix, "name", "Crash drill",
                "country", "DE")).post("/warehouses").then().statusCode(201).extract().path("id");
        String vendor = catalog(CATALOG_MANAGER).body(Map.of("name", "Crash " + suffix, "email",
                "crash-" + suffix.toLowerCase() + "@example.com", "country", "DE"))
                .post("/vendors").then().statusCode(201).extract().path("id");
        String token = TestTokens.vendor(UUID.fromString(vendor));
        String uploadPath = "/vendors/" + vendor + "/uploads";
        long started = System.nanoTime();

        // Accepted at once: stored, not processed.
        Response accepted = given().baseUri(catalogUri(services)).auth().oauth2(token)
                .contentType("text/csv; charset=UTF-8").queryParam("warehouseId", warehouse)
                .queryParam("filename", "crash.csv").body(file(prefix, slug).getBytes(StandardCharsets.UTF_8))
                .post(uploadPath);
        assertThat(accepted.statusCode()).as("POST: %s", accepted.asString()).isEqualTo(202);
        String uploadId = accepted.path("id");
        assertThat(accepted.header("Location")).endsWith(uploadPath + "/" + uploadId);
        assertThat(accepted.<String>path("status")).isIn("QUEUED", "PROCESSING");
        assertThat(accepted.<Integer>path("totalRows")).isEqualTo(ROWS);
        assertThat(accepted.<Integer>path("rowsDone")).isLessThan(ROWS);

        // Progress shows while it runs; the kill comes once a tenth is done.
        AtomicReference<JsonPath> midway = new AtomicReference<>();
        AtomicReference<JsonPath> last = new AtomicReference<>();
        await().atMost(PROCESSING).pollInterval(Duration.ofMillis(250)).until(() -> {
            JsonPath upload = upload(services, token, uploadPath + "/" + uploadId);
            last.set(upload);
            int rowsDone = upload.getInt("rowsDone");
            if (rowsDone > 0 && rowsDone < ROWS && midway.get() == null) {
                midway.set(upload);
            }
            return rowsDone >= KILL_AFTER || FINAL.contains(upload.getString("status"));
        });
        JsonPath beforeKill = last.get();
        if (!"PROCESSING".equals(beforeKill.getString("status")) || beforeKill.getInt("rowsDone") >= ROWS) {
            fail("The upload was %s with %d of %d rows done before catalog-service could be killed: it must be "
                    + "killed mid-file. Make the file larger (ROWS) or kill earlier (KILL_AFTER).",
                    beforeKill.getString("status"), beforeKill.getInt("rowsDone"), ROWS);
        }
        assertThat(midway.get()).as("an answer with 0 < rowsDone < totalRows").isNotNull();
        assertThat(midway.get().getInt("validRows") + midway.get().getInt("errorRows"))
                .isEqualTo(midway.get().getInt("rowsDone"));
        assertThat(midway.get().getString("status")).isEqualTo("PROCESSING");
        assertThat(midway.get().<Object>get("rowsPerSecond")).as("rowsPerSecond while processing").isNotNull();
        assertThat(midway.get().getString("estimatedFinishAt")).as("estimatedFinishAt while processing")
                .isNotNull();

        long killedAt = System.nanoTime();
        services.kill(PlatformService.CATALOG);
        Map<String, Object> committed = CATALOG_DB.query("SELECT status, rows_done FROM vendor_upload WHERE id = ?",
                uploadId).get(0);
        int rowsDoneAtKill = ((Number) committed.get("rows_done")).intValue();
        if (!"PROCESSING".equals(committed.get("status")) || rowsDoneAtKill >= ROWS) {
            fail("catalog-service was killed too late: the upload was already %s with %d of %d rows committed",
                    committed.get("status"), rowsDoneAtKill, ROWS);
        }
        services.restart(PlatformService.CATALOG, Duration.ofMinutes(3));
        long readyAt = System.nanoTime();

        // The restarted instance takes its earlier run's lease back and writes on after the committed rows.
        AtomicReference<JsonPath> end = new AtomicReference<>();
        await().atMost(PROCESSING).pollInterval(Duration.ofMillis(500)).until(() -> {
            end.set(upload(services, token, uploadPath + "/" + uploadId));
            return FINAL.contains(end.get().getString("status"));
        });
        long completedAt = System.nanoTime();
        JsonPath done = end.get();
        assertThat(done.getString("status")).as("final: %s", done.prettify()).isEqualTo("COMPLETED");
        assertThat(done.getInt("totalRows")).isEqualTo(ROWS);
        assertThat(done.getInt("rowsDone")).isEqualTo(ROWS);
        assertThat(done.getInt("validRows")).isEqualTo(VALID);
        assertThat(done.getInt("errorRows")).isEqualTo(BAD);
        assertThat(done.getInt("createdCount")).isEqualTo(VALID);
        assertThat(done.getInt("updatedCount")).isZero();

        // The file's figures, per SKU of the valid rows.
        Map<String, Integer> expectedStock = new HashMap<>();
        Map<Integer, String> expectedErrors = new TreeMap<>();
        for (int row = 1; row <= ROWS; row++) {
            if (bad(row)) {
                expectedErrors.put(row, "INVALID_PRICE");
            } else {
                expectedStock.put(sku(prefix, row), stock(row));
            }
        }

        // The catalog: one product per valid SKU, its stock as the file says, and the ledger explains it.
        Map<String, String> skuByProduct = CATALOG_DB.query("SELECT id, sku FROM product WHERE vendor_id = ?", vendor)
                .stream().collect(Collectors.toMap(r -> (String) r.get("id"), r -> (String) r.get("sku")));
        assertThat(skuByProduct).hasSize(VALID);
        assertThat(Set.copyOf(skuByProduct.values())).isEqualTo(expectedStock.keySet());
        Map<Integer, String> errors = new TreeMap<>();
        CATALOG_DB.query("SELECT row_no, error_type FROM vendor_upload_error WHERE upload_id = ?", uploadId)
                .forEach(r -> errors.put(((Number) r.get("row_no")).intValue(), (String) r.get("error_type")));
        assertThat(errors).isEqualTo(expectedErrors);
        Map<String, Integer> onHand = CATALOG_DB.query("""
                        SELECT p.sku, s.on_hand FROM stock_level s JOIN product p ON p.id = s.product_id
                        WHERE s.warehouse_id = ?""", warehouse).stream()
                .collect(Collectors.toMap(r -> (String) r.get("sku"), r -> ((Number) r.get("on_hand")).intValue()));
        assertThat(onHand).isEqualTo(expectedStock);
        // Per product in the (new) warehouse: the ledger lines, all of this upload; one where stock is not zero.
        Map<String, int[]> ledger = new HashMap<>();
        CATALOG_DB.query("""
                        SELECT p.sku, SUM(m.quantity) AS total, COUNT(*) AS line_count,
                               SUM(CASE WHEN m.reference_type = 'UPLOAD' AND m.reference_id = ? THEN 1 ELSE 0 END)
                                   AS of_upload
                        FROM inventory_movement m JOIN product p ON p.id = m.product_id
                        WHERE m.warehouse_id = ? GROUP BY p.sku""", uploadId, warehouse)
                .forEach(r -> ledger.put((String) r.get("sku"), new int[] {((Number) r.get("total")).intValue(),
                        ((Number) r.get("line_count")).intValue(), ((Number) r.get("of_upload")).intValue()}));
        expectedStock.forEach((sku, quantity) -> {
            int[] lines = ledger.getOrDefault(sku, new int[] {0, 0, 0});
            assertThat(lines[0]).as("ledger sum of %s", sku).isEqualTo(onHand.get(sku));
            assertThat(lines[1]).as("ledger lines of %s", sku).isEqualTo(quantity == 0 ? 0 : 1);
            assertThat(lines[2]).as("ledger lines of %s from the upload", sku).isEqualTo(lines[1]);
        });
        assertThat(ledger.keySet()).allMatch(expectedStock::containsKey);

        // catalog.product: one ProductCreated per new product, each with its own event id.
        List<ConsumerRecord<String, String>> created = TopicProbe.readUntil(Topics.CATALOG_PRODUCT,
                r -> skuByProduct.containsKey(r.key()) && "ProductCreated".equals(TopicProbe.header(r, "eventType")),
                kept -> kept.size() >= VALID, Deadlines.ASYNC);
        assertThat(distinctEventIds(created)).as("event ids of ProductCreated").isEqualTo(created.size());
        Map<String, Long> createdPerSku = created.stream().map(r -> EventCodec.parse(r.value()).data().get("product"))
                .peek(p -> assertThat(p.get("vendorId").asText()).isEqualTo(vendor))
                .collect(Collectors.groupingBy(p -> p.get("sku").asText(), Collectors.counting()));
        assertThat(createdPerSku.keySet()).isEqualTo(expectedStock.keySet());
        assertThat(createdPerSku.values()).as("ProductCreated per SKU").allMatch(n -> n == 1);

        // catalog.inventory: one StockLevelChanged per new stock level, with the file's figure, as an uninterrupted
        // run publishes (InventoryService.open: one per new product, for the ledger's ADJUSTMENT where there is
        // stock, and for the new level alone where the file says 0).
        List<ConsumerRecord<String, String>> levels = TopicProbe.readUntil(Topics.CATALOG_INVENTORY,
                r -> skuByProduct.containsKey(r.key()) && "StockLevelChanged".equals(TopicProbe.header(r, "eventType")),
                kept -> kept.size() >= VALID, Deadlines.ASYNC);
        assertThat(distinctEventIds(levels)).as("event ids of StockLevelChanged").isEqualTo(levels.size());
        Map<String, JsonNode> levelBySku = levels.stream().collect(Collectors.toMap(
                r -> skuByProduct.get(r.key()), r -> EventCodec.parse(r.value()).data(),
                (a, b) -> fail("two StockLevelChanged for one product: %s and %s", a, b)));
        assertThat(levelBySku.keySet()).isEqualTo(expectedStock.keySet());
        levelBySku.forEach((sku, level) -> {
            int quantity = expectedStock.get(sku);
            assertThat(level.get("warehouseId").asText()).isEqualTo(warehouse);
            assertThat(level.get("onHand").asInt()).as("onHand of %s", sku).isEqualTo(quantity);
            assertThat(level.get("reference").asText()).isEqualTo(uploadId);
            if (quantity > 0) {
                assertThat(level.get("cause").asText()).as("cause for %s", sku).isEqualTo("ADJUSTMENT");
            }
        });

        long eventsCheckedAt = System.nanoTime();

        // orders-service can sell every onboarded product: its replica has them all (and the next test does not
        // queue behind this one's events). The wait lasts as long as the replica keeps moving, not a fixed deadline.
        long replicated = Deadlines.awaitCount("orders-service's replica of the uploaded products", VALID,
                () -> ORDERS_DB.count("SELECT COUNT(*) FROM catalog_product WHERE sku LIKE ?", prefix + "%"));
        assertThat(replicated).isEqualTo(VALID);

        System.out.printf("Upload crash: %d rows; killed at %d rows committed (%.1f rows/s), ready again in %d s, "
                        + "completed %d s after the restart (%.1f rows/s since the takeover), %d s after the POST; "
                        + "events checked %d s later, orders-service's replica %d s after that%n", ROWS,
                rowsDoneAtKill, beforeKill.getDouble("rowsPerSecond"), seconds(killedAt, readyAt),
                seconds(readyAt, completedAt), done.getDouble("rowsPerSecond"), seconds(started, completedAt),
                seconds(completedAt, eventsCheckedAt), seconds(eventsCheckedAt, System.nanoTime()));
    }

    private static String catalogUri(RunningServices services) {
        return services.get(PlatformService.CATALOG).uri().toString();
    }

    private static JsonPath upload(RunningServices services, String token, String path) {
        return given().baseUri(catalogUri(services)).auth().oauth2(token).get(path).then().statusCode(200).extract()
                .jsonPath();
    }

    private static long seconds(long fromNanos, long toNanos) {
        return Duration.ofNanos(toNanos - fromNanos).toSeconds();
    }

    private static long distinctEventIds(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(r -> TopicProbe.header(r, "id")).distinct().count();
    }
}
