package io.eventcommerce.catalog;

import io.eventcommerce.events.EventCodec;
import io.eventcommerce.events.Topics;
import io.eventcommerce.events.catalog.ProductCreated;
import io.eventcommerce.testkit.BinaryLog;
import io.eventcommerce.testkit.Deadlines;
import io.eventcommerce.testkit.Database;
import io.eventcommerce.testkit.TestTokens;
import io.eventcommerce.testkit.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.eventcommerce.catalog.CatalogFixtures.MANAGER;
import static io.eventcommerce.catalog.CatalogFixtures.createVendor;
import static io.eventcommerce.catalog.CatalogFixtures.createWarehouse;
import static io.eventcommerce.catalog.CatalogFixtures.product;
import static io.eventcommerce.catalog.CatalogFixtures.unique;
import static io.eventcommerce.catalog.CatalogFixtures.upload;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Vendor CSV onboarding end to end: a 10,000-row file with known bad rows streamed to the endpoint, checked in the
 * upload's counts and error rows, in the product table, in the stock ledger and on catalog.product; then the
 * corrected file, which updates instead of creating.
 */
@QuarkusTest
class VendorOnboardingIT {

    private static final Logger LOG = Logger.getLogger(VendorOnboardingIT.class);
    private static final Database CATALOG = Database.of("catalog");
    private static final int ROWS = 10_000;
    private static final String HEADER = "sku,vendor_product_id,product_name,category,price,stock_quantity,brand,"
            + "description,cost,currency";

    /** Everything one test's file refers to. */
    private record Setup(String prefix, String vendor, String warehouse, String kitchenSlug, String gardenName,
                         String othersSku, String platformSku, String own, String ownSku, String ownVendorProductId,
                         String reserved, String reservedSku) {
    }

    private static String csv(List<String> values) {
        return values.stream().map(v -> v.contains(",") || v.contains("\"") || v.contains("\n")
                ? "\"" + v.replace("\"", "\"\"") + "\"" : v).collect(Collectors.joining(","));
    }

    private static String sku(Setup s, int row) {
        return s.prefix() + "-" + row;
    }

    private static int stock(int row) {
        return row % 50;
    }

    private static String price(int row) {
        return String.format("%d.%02d", 1 + row % 500, row % 100);
    }

    /** The values of a good row: sku, vendor_product_id, product_name, category, price, stock, brand, ... */
    private static List<String> good(Setup s, int row) {
        return new ArrayList<>(List.of(sku(s, row), s.prefix() + "-v" + row,
                row == 3 ? "Kettle, \"deluxe\"" : "Product " + row,
                row % 2 == 0 ? s.kitchenSlug() : s.gardenName().toUpperCase(),
                price(row), String.valueOf(stock(row)), "Acme",
                row == 3 ? "1.7 l\nstainless steel" : "Item " + row, "1.00", row % 3 == 0 ? "" : "usd"));
    }

    /** The first file's bad rows: row number → the type it must be refused with. */
    private static final Map<Integer, String> BAD = new TreeMap<>(Map.ofEntries(
            Map.entry(10, "MISSING_FIELD"), Map.entry(2000, "MISSING_FIELD"),
            Map.entry(20, "UNKNOWN_CATEGORY"), Map.entry(5000, "UNKNOWN_CATEGORY"),
            Map.entry(30, "INVALID_PRICE"), Map.entry(31, "INVALID_PRICE"), Map.entry(32, "INVALID_PRICE"),
            Map.entry(33, "INVALID_PRICE"), Map.entry(120, "INVALID_PRICE"), Map.entry(130, "INVALID_PRICE"),
            Map.entry(40, "INVALID_STOCK"), Map.entry(41, "INVALID_STOCK"),
            Map.entry(50, "MALFORMED_ROW"),
            Map.entry(60, "INVALID_SKU"),
            Map.entry(70, "DUPLICATE_SKU_IN_FILE"), Map.entry(9000, "DUPLICATE_SKU_IN_FILE"),
            Map.entry(80, "SKU_TAKEN"), Map.entry(81, "SKU_TAKEN"),
            Map.entry(90, "STOCK_BELOW_RESERVED"),
            Map.entry(100, "DUPLICATE_VENDOR_PRODUCT_ID_IN_FILE"),
            Map.entry(110, "INVALID_FIELD"),
            Map.entry(7777, "VENDOR_PRODUCT_ID_TAKEN")));
    /** Updates the vendor's existing product. */
    private static final int OWN_ROW = 95;

    private static List<String> firstFileRow(Setup s, int row) {
        List<String> v = good(s, row);
        switch (row) {
            case 10 -> v.set(2, "");
            case 2000 -> v.set(4, "");
            case 20, 5000 -> v.set(3, "No such category");
            case 30 -> v.set(4, "-1");
            case 31 -> v.set(4, "abc");
            case 32 -> v.set(4, "1.999");
            case 33 -> v.set(4, "0");
            case 120 -> {
                v.set(4, "abc");
                v.set(5, "-1");
            }
            case 130 -> {
                v.set(2, "Mug, large");
                v.set(4, "free");
            }
            case 40 -> v.set(5, "-3");
            case 41 -> v.set(5, "2.5");
            case 50 -> v.add("surplus");
            case 60 -> v.set(0, "bad sku!");
            case 70 -> v.set(0, sku(s, 1));
            case 9000 -> v.set(0, sku(s, 8999).toLowerCase());
            case 80 -> v.set(0, s.othersSku());
            case 81 -> v.set(0, s.platformSku());
            case 90 -> {
                v.set(0, s.reservedSku());
                v.set(4, "99.00");
                v.set(5, "3");
            }
            case 100 -> v.set(1, s.prefix() + "-v2");
            case 110 -> v.set(9, "EURO");
            case 7777 -> v.set(1, s.prefix() + "-reserved");
            case OWN_ROW -> {
                v.set(0, s.ownSku());
                v.set(1, s.ownVendorProductId());
                v.set(4, "12.00");
                v.set(5, "7");
            }
            default -> {
            }
        }
        return v;
    }

    /** The corrected file: every bad row fixed, and the price of the valid rows up to 100 raised. */
    private static List<String> correctedFileRow(Setup s, int row) {
        if (row == OWN_ROW) {
            return firstFileRow(s, row);
        }
        List<String> v = good(s, row);
        if (row == 90) {
            v.set(0, s.reservedSku());
            v.set(4, "99.00");
            v.set(5, "5");
        } else if (row <= 100 && !BAD.containsKey(row)) {
            v.set(4, (1 + row % 500 + 1) + ".00");
        }
        return v;
    }

    private static String file(Setup s, java.util.function.BiFunction<Setup, Integer, List<String>> row) {
        StringBuilder file = new StringBuilder(HEADER).append("\r\n");
        for (int i = 1; i <= ROWS; i++) {
            file.append(csv(row.apply(s, i))).append("\r\n");
            if (i == 500) {
                file.append("\r\n"); // a blank line: skipped, not counted
            }
        }
        return file.toString();
    }

    private static String createProduct(String sku, String categoryId, String vendorId, String vendorProductId) {
        Map<String, Object> product = product(sku, categoryId);
        product.put("price", "10.00");
        if (vendorId != null) {
            product.put("vendorId", vendorId);
            product.put("vendorProductId", vendorProductId);
        }
        return given().auth().oauth2(MANAGER).contentType(ContentType.JSON).body(product).post("/products")
                .then().statusCode(201).extract().path("id");
    }

    private static Setup setup() {
        String prefix = unique("ON").toUpperCase();
        Map<String, Object> kitchen = given().auth().oauth2(MANAGER).contentType(ContentType.JSON)
                .body(Map.of("name", unique("Kitchen"))).post("/categories").then().statusCode(201).extract()
                .jsonPath().getMap("");
        Map<String, Object> garden = given().auth().oauth2(MANAGER).contentType(ContentType.JSON)
                .body(Map.of("name", unique("Garden"))).post("/categories").then().statusCode(201).extract()
                .jsonPath().getMap("");
        String kitchenId = (String) kitchen.get("id");
        String vendor = createVendor();
        String other = createVendor();
        String warehouse = createWarehouse();
        String othersSku = prefix + "-OTHER";
        createProduct(othersSku, kitchenId, other, "x-1");
        String platformSku = prefix + "-PLATFORM";
        createProduct(platformSku, kitchenId, null, null);
        String ownSku = prefix + "-OWN";
        String own = createProduct(ownSku, kitchenId, vendor, prefix + "-own");
        String reservedSku = prefix + "-RESERVED";
        String reserved = createProduct(reservedSku, kitchenId, vendor, prefix + "-reserved");
        given().auth().oauth2(MANAGER).contentType(ContentType.JSON)
                .body(Map.of("minStock", 0, "maxStock", 100, "reorderPoint", 2, "leadTimeDays", 7))
                .put("/warehouses/" + warehouse + "/stock/" + reserved).then().statusCode(200);
        given().auth().oauth2(MANAGER).contentType(ContentType.JSON).body(Map.of("type", "RECEIPT", "quantity", 10))
                .post("/warehouses/" + warehouse + "/stock/" + reserved + "/movements").then().statusCode(201);
        InventoryIT.placeOrder(reserved, 5);
        await().atMost(Deadlines.ASYNC).untilAsserted(() -> given().auth().oauth2(MANAGER)
                .get("/products/" + reserved + "/stock").then().body("reserved", equalTo(5)));
        return new Setup(prefix, vendor, warehouse, (String) kitchen.get("slug"), (String) garden.get("name"),
                othersSku, platformSku, own, ownSku, prefix + "-own", reserved, reservedSku);
    }

    private static Map<Integer, String> errorRows(String token, String vendor, String uploadId) {
        Map<Integer, String> rows = new TreeMap<>();
        for (int page = 0; ; page++) {
            var body = given().auth().oauth2(token).queryParam("size", 100).queryParam("page", page)
                    .get("/vendors/" + vendor + "/uploads/" + uploadId + "/errors")
                    .then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = body.getList("items");
            items.forEach(e -> rows.put((Integer) e.get("rowNumber"), (String) e.get("type")));
            if (page + 1 >= body.getInt("totalPages")) {
                return rows;
            }
        }
    }

    /**
     * How many of these products have an event of this type on the topic (distinct products: Debezium delivers at
     * least once, so a record may come twice after a Connect restart).
     */
    private static long events(Set<String> productIds, String eventType) {
        return TopicProbe.readAll(Topics.CATALOG_PRODUCT).stream()
                .filter(r -> productIds.contains(r.key()) && eventType.equals(TopicProbe.header(r, "eventType")))
                .map(ConsumerRecord::key).distinct().count();
    }

    private static Set<String> productIdsOf(String vendor) {
        return CATALOG.query("SELECT id FROM product WHERE vendor_id = ?", vendor).stream()
                .map(r -> (String) r.get("id")).collect(Collectors.toSet());
    }

    @Test
    void tenThousandRowsAreCheckedWrittenInBatchesAndPublishedAndTheCorrectedFileUpdates() {
        Setup s = setup();
        String token = TestTokens.vendor(UUID.fromString(s.vendor()));
        int valid = ROWS - BAD.size();
        int created = valid - 1;
        BinaryLog binlog = BinaryLog.of(Database.of("catalog"));
        BinaryLog.Position before = binlog.position();

        Response response = upload(token, s.vendor(), s.warehouse(), file(s, VendorOnboardingIT::firstFileRow));
        response.then().statusCode(202).contentType(ContentType.JSON)
                .body("status", equalTo("QUEUED")).body("totalRows", equalTo(ROWS));
        String uploadId = response.path("id");
        assertThat(response.header("Location")).endsWith("/vendors/" + s.vendor() + "/uploads/" + uploadId);
        var done = CatalogFixtures.awaitUpload(token, s.vendor(), uploadId);
        LOG.infof("CSV onboarding: %d rows at %s rows/s (upload's own start and finish)", ROWS,
                done.getString("rowsPerSecond"));
        assertThat(done.getString("status")).isEqualTo("COMPLETED");
        assertThat(done.getString("fileName")).isEqualTo("products.csv");
        assertThat(done.getInt("totalRows")).isEqualTo(ROWS);
        assertThat(done.getInt("rowsDone")).isEqualTo(ROWS);
        assertThat(done.getInt("validRows")).isEqualTo(valid);
        assertThat(done.getInt("errorRows")).isEqualTo(BAD.size());
        assertThat(done.getInt("createdCount")).isEqualTo(created);
        assertThat(done.getInt("updatedCount")).isEqualTo(1);
        assertThat(done.getString("estimatedFinishAt")).isNull();

        // The stored file names the vendor's request, the products its upload (written by the worker, not a request).
        List<String> statements = binlog.statementsSince(before);
        assertThat(statements).filteredOn(q -> q.toLowerCase().contains("insert into vendor_upload_chunk ")
                        && q.contains(uploadId))
                .isNotEmpty()
                .allSatisfy(q -> assertThat(q).startsWith("/* ec-actor:user%3Avendor-" + s.vendor() + ";"));
        assertThat(statements).filteredOn(q -> q.toLowerCase().contains("insert into product (")
                        && q.contains(sku(s, 1) + "'"))
                .singleElement().asString()
                .startsWith("/* ec-actor:service%3Acatalog-service;vendor-upload%3A" + uploadId + ";job */");

        // Every bad row once, at its row number, with its type; nothing else.
        assertThat(errorRows(token, s.vendor(), uploadId)).isEqualTo(BAD);
        var multi = given().auth().oauth2(token).queryParam("type", "INVALID_PRICE").queryParam("size", 100)
                .get("/vendors/" + s.vendor() + "/uploads/" + uploadId + "/errors").then().statusCode(200)
                .body("totalItems", equalTo(6)).extract().jsonPath();
        assertThat(multi.getList("items.rowNumber", Integer.class)).containsExactly(30, 31, 32, 33, 120, 130);
        assertThat(multi.getString("items.find { it.rowNumber == 120 }.message"))
                .contains("price: 'abc'").contains("stock_quantity: '-1' must not be negative");
        assertThat(multi.getString("items.find { it.rowNumber == 130 }.originalRow"))
                .isEqualTo(csv(firstFileRow(s, 130)));
        assertThat(CATALOG.query("SELECT message FROM vendor_upload_error WHERE upload_id = ? AND row_no = 9000",
                uploadId).get(0).get("message")).isEqualTo("sku: '" + sku(s, 8999).toLowerCase()
                + "' is already in row 8999");

        // The products: every valid row, the vendor's, active, with the file's values.
        assertThat(CATALOG.count("SELECT COUNT(*) FROM product WHERE vendor_id = ?", s.vendor()))
                .isEqualTo(created + 2);
        assertThat(CATALOG.count("SELECT COUNT(*) FROM product WHERE vendor_id = ? AND status = 'ACTIVE' "
                + "AND sku LIKE ?", s.vendor(), s.prefix() + "-%")).isEqualTo(created + 2);
        Map<String, Object> kettle = CATALOG.query("SELECT name, description, price, currency FROM product "
                + "WHERE sku = ?", sku(s, 3)).get(0);
        assertThat(kettle.get("name")).isEqualTo("Kettle, \"deluxe\"");
        assertThat(kettle.get("description")).isEqualTo("1.7 l\nstainless steel");
        assertThat(kettle.get("currency")).as("empty currency: the default").isEqualTo("USD");
        given().auth().oauth2(token).get("/products/" + s.own()).then().statusCode(200)
                .body("price", equalTo(12.00f)).body("vendorProductId", equalTo(s.ownVendorProductId()));
        given().auth().oauth2(token).get("/products/" + s.reserved()).then().statusCode(200)
                .body("price", equalTo(10.00f));

        // Stock: each valid row's quantity on hand in the warehouse, every level equal to its ledger.
        long expectedStock = IntStream.rangeClosed(1, ROWS).filter(i -> !BAD.containsKey(i) && i != OWN_ROW)
                .map(VendorOnboardingIT::stock).sum() + 7 + 10;
        Map<String, Object> stock = CATALOG.query("""
                SELECT COUNT(*) AS levels, SUM(s.on_hand) AS on_hand FROM stock_level s
                JOIN product p ON p.id = s.product_id WHERE p.vendor_id = ? AND s.warehouse_id = ?""",
                s.vendor(), s.warehouse()).get(0);
        assertThat(((Number) stock.get("levels")).longValue()).isEqualTo(created + 2);
        assertThat(((Number) stock.get("on_hand")).longValue()).isEqualTo(expectedStock);
        assertThat(CATALOG.count("""
                SELECT COUNT(*) FROM stock_level s JOIN product p ON p.id = s.product_id
                LEFT JOIN (SELECT warehouse_id, product_id, SUM(quantity) AS total FROM inventory_movement
                           GROUP BY warehouse_id, product_id) m
                  ON m.warehouse_id = s.warehouse_id AND m.product_id = s.product_id
                WHERE p.vendor_id = ? AND s.on_hand <> COALESCE(m.total, 0)""", s.vendor()))
                .as("levels that differ from their ledger").isZero();
        long stockedRows = IntStream.rangeClosed(1, ROWS)
                .filter(i -> !BAD.containsKey(i) && i != OWN_ROW && stock(i) > 0).count() + 1;
        assertThat(CATALOG.count("SELECT COUNT(*) FROM inventory_movement WHERE reference_type = 'UPLOAD' "
                + "AND reference_id = ? AND movement_type = 'ADJUSTMENT'", uploadId)).isEqualTo(stockedRows);
        given().auth().oauth2(MANAGER).get("/products/" + s.reserved() + "/stock").then()
                .body("onHand", equalTo(10)).body("reserved", equalTo(5));

        // catalog.product: a ProductCreated for each of the vendor's products, carrying the vendor.
        Set<String> productIds = productIdsOf(s.vendor());
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(3)).untilAsserted(() ->
                assertThat(events(productIds, "ProductCreated")).isEqualTo(created + 2));
        ConsumerRecord<String, String> sample = TopicProbe.awaitKey(Topics.CATALOG_PRODUCT,
                (String) CATALOG.query("SELECT id FROM product WHERE sku = ?", sku(s, 1)).get(0).get("id"),
                "ProductCreated");
        ProductCreated event = EventCodec.data(EventCodec.parse(sample.value()), ProductCreated.TYPE);
        assertThat(event.product().vendorId()).isEqualTo(UUID.fromString(s.vendor()));
        assertThat(event.product().status()).isEqualTo("ACTIVE");

        // The corrected file: the bad rows become products, the repriced rows are updated, the rest is unchanged.
        int fixedNew = BAD.size() - 1;
        int repriced = (int) IntStream.rangeClosed(1, 100).filter(i -> !BAD.containsKey(i) && i != OWN_ROW).count();
        var corrected = CatalogFixtures.uploadAndAwait(token, s.vendor(), s.warehouse(),
                file(s, VendorOnboardingIT::correctedFileRow));
        assertThat(corrected.getString("status")).isEqualTo("COMPLETED");
        assertThat(corrected.getInt("totalRows")).isEqualTo(ROWS);
        assertThat(corrected.getInt("validRows")).isEqualTo(ROWS);
        assertThat(corrected.getInt("errorRows")).isEqualTo(0);
        assertThat(corrected.getInt("createdCount")).isEqualTo(fixedNew);
        assertThat(corrected.getInt("updatedCount")).isEqualTo(repriced + 1);
        given().auth().oauth2(token).get("/products/" + s.reserved()).then().body("price", equalTo(99.00f));
        given().auth().oauth2(token).get("/vendors/" + s.vendor() + "/uploads").then().statusCode(200)
                .body("totalItems", equalTo(2)).body("items[0].id", equalTo(corrected.getString("id")))
                .body("items[1].id", equalTo(uploadId));

        Set<String> allIds = productIdsOf(s.vendor());
        assertThat(allIds).hasSize(created + 2 + fixedNew);
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(3)).untilAsserted(() -> {
            assertThat(events(allIds, "ProductCreated")).isEqualTo(allIds.size());
            assertThat(events(allIds, "ProductUpdated")).as("the own product, the repriced ones and the reserved one")
                    .isEqualTo(1 + repriced + 1);
        });
    }

    @Test
    void twoVendorsRacingForTheSameNewSkusGetEachSkuExactlyOnce() {
        String prefix = unique("RACE").toUpperCase();
        String category = CatalogFixtures.createCategory();
        String slug = given().auth().oauth2(MANAGER).get("/categories/" + category).then().extract().path("slug");
        String warehouse = createWarehouse();
        List<String> vendors = List.of(createVendor(), createVendor());
        int skus = 300;
        Map<String, String> files = new HashMap<>();
        for (String vendor : vendors) {
            StringBuilder file = new StringBuilder(HEADER).append('\n');
            for (int i = 1; i <= skus; i++) {
                file.append(csv(List.of(prefix + "-" + i, vendor.substring(0, 8) + "-" + i, "Racer " + i, slug,
                        "5.00", "1", "", "", "", ""))).append('\n');
            }
            files.put(vendor, file.toString());
        }

        // Sent at once; on one instance its worker takes them one after the other, on several they race.
        List<CompletableFuture<Response>> uploads = vendors.stream().map(vendor -> CompletableFuture.supplyAsync(
                () -> upload(TestTokens.vendor(UUID.fromString(vendor)), vendor, warehouse, files.get(vendor))))
                .toList();
        Map<String, Map<String, Object>> results = new LinkedHashMap<>();
        for (int i = 0; i < vendors.size(); i++) {
            Response response = uploads.get(i).join();
            response.then().statusCode(202).body("totalRows", equalTo(skus));
            String vendor = vendors.get(i);
            var upload = CatalogFixtures.awaitUpload(TestTokens.vendor(UUID.fromString(vendor)), vendor,
                    response.path("id"));
            assertThat(upload.getString("status")).isEqualTo("COMPLETED");
            results.put(vendor, upload.getMap(""));
        }

        assertThat(results.values().stream().mapToInt(r -> (Integer) r.get("validRows")).sum()).isEqualTo(skus);
        assertThat(results.values().stream().mapToInt(r -> (Integer) r.get("errorRows")).sum()).isEqualTo(skus);
        assertThat(CATALOG.count("SELECT COUNT(*) FROM product WHERE sku LIKE ?", prefix + "-%")).isEqualTo(skus);
        Set<Object> errorTypes = new HashSet<>();
        results.forEach((vendor, upload) -> CATALOG.query("SELECT error_type FROM vendor_upload_error "
                + "WHERE upload_id = ?", upload.get("id")).forEach(r -> errorTypes.add(r.get("error_type"))));
        assertThat(errorTypes).containsExactly("SKU_TAKEN");
        assertThat(CATALOG.count("SELECT COUNT(*) FROM product WHERE sku LIKE ? AND vendor_id NOT IN (?, ?)",
                prefix + "-%", vendors.get(0), vendors.get(1))).isZero();
    }
}
