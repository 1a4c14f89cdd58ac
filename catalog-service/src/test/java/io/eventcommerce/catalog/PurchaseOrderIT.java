package io.eventcommerce.catalog;

import io.eventcommerce.events.EventCodec;
import io.eventcommerce.events.Topics;
import io.eventcommerce.events.catalog.PurchaseOrderChanged;
import io.eventcommerce.events.catalog.PurchaseOrderSnapshot;
import io.eventcommerce.events.catalog.StockLevelChanged;
import io.eventcommerce.testkit.Database;
import io.eventcommerce.testkit.TestTokens;
import io.eventcommerce.testkit.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.eventcommerce.catalog.CatalogFixtures.MANAGER;
import static io.eventcommerce.catalog.CatalogFixtures.createCategory;
import static io.eventcommerce.catalog.CatalogFixtures.createWarehouse;
import static io.eventcommerce.catalog.CatalogFixtures.product;
import static io.eventcommerce.catalog.CatalogFixtures.unique;
import static io.eventcommerce.catalog.InventoryIT.assertLedgerSumsToOnHand;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

/**
 * Purchase orders against the real stack: the approval workflow, receipts booked through the inventory ledger into
 * the order's warehouse, variance, and everything refused leaving no trace. A catalog manager writes and submits;
 * an admin, another person, approves.
 */
@QuarkusTest
class PurchaseOrderIT {

    private static final Database CATALOG = Database.of("catalog");
    private static final String ADMIN = TestTokens.forRoles("admin");
    private static final String PROBLEM = "application/problem+json";

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    static String supplier(int leadTimeDays) {
        String name = unique("Supplier");
        return as(MANAGER).body(Map.of("name", name, "email", name.toLowerCase() + "@example.com", "country", "NL",
                        "leadTimeDays", leadTimeDays))
                .post("/suppliers").then().statusCode(201).extract().path("id");
    }

    /** A product with cost 7.10 (CatalogFixtures.product), kept nowhere yet. */
    static String newProduct() {
        return as(MANAGER).body(product(unique("SKU"), createCategory())).post("/products")
                .then().statusCode(201).extract().path("id");
    }

    static void openingStock(String warehouseId, String productId, int onHand) {
        String base = "/warehouses/" + warehouseId + "/stock/" + productId;
        as(MANAGER).body(Map.of("minStock", 0, "maxStock", 100, "reorderPoint", 2, "leadTimeDays", 7))
                .put(base).then().statusCode(200);
        as(MANAGER).body(Map.of("type", "RECEIPT", "quantity", onHand, "note", "opening stock"))
                .post(base + "/movements").then().statusCode(201);
    }

    static Map<String, Object> line(String productId, int quantity, String unitCost) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("productId", productId);
        line.put("quantity", quantity);
        if (unitCost != null) {
            line.put("unitCost", unitCost);
        }
        return line;
    }

    static Map<String, Object> order(String supplierId, String warehouseId, List<Map<String, Object>> lines) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("supplierId", supplierId);
        body.put("warehouseId", warehouseId);
        body.put("notes", "spring restock");
        body.put("lines", lines);
        return body;
    }

    static String create(Map<String, Object> body) {
        return as(MANAGER).body(body).post("/purchase-orders").then().statusCode(201)
                .body("status", equalTo("DRAFT")).extract().path("id");
    }

    static String approved(Map<String, Object> body) {
        String id = create(body);
        as(MANAGER).post("/purchase-orders/" + id + "/submit").then().statusCode(200);
        as(ADMIN).post("/purchase-orders/" + id + "/approve").then().statusCode(200)
                .body("status", equalTo("APPROVED"));
        return id;
    }

    static JsonPath receive(String id, List<Map<String, Object>> lines) {
        return as(MANAGER).body(Map.of("lines", lines, "note", "pallet")).post("/purchase-orders/" + id + "/receipts")
                .then().statusCode(201).extract().jsonPath();
    }

    static int onHand(String productId) {
        return given().auth().oauth2(MANAGER).get("/products/" + productId + "/stock").then().statusCode(200)
                .extract().path("onHand");
    }

    static long ledgerRowsOf(String purchaseOrderId) {
        return CATALOG.count("SELECT COUNT(*) FROM inventory_movement WHERE reference_type = 'PURCHASE_ORDER' "
                + "AND reference_id = ?", purchaseOrderId);
    }

    /**
     * The rows purchasing could have written for this test's product, supplier and warehouse, for "nothing was
     * written" assertions: counted on the test's own keys only, since other tests write to the same tables.
     */
    static Map<String, Long> purchasingRowCounts(String productId, String supplierId, String warehouseId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("purchase_order", CATALOG.count("SELECT COUNT(*) FROM purchase_order WHERE supplier_id = ? "
                + "OR warehouse_id = ?", supplierId, warehouseId));
        counts.put("purchase_order_receipt", CATALOG.count("SELECT COUNT(*) FROM purchase_order_receipt r JOIN "
                + "purchase_order o ON o.id = r.purchase_order_id WHERE o.supplier_id = ? OR o.warehouse_id = ?",
                supplierId, warehouseId));
        counts.put("supplier", CATALOG.count("SELECT COUNT(*) FROM supplier WHERE email = 'x@example.com'"));
        for (String table : List.of("purchase_order_line", "purchase_order_receipt_line", "stock_level",
                "inventory_movement")) {
            counts.put(table, CATALOG.count("SELECT COUNT(*) FROM " + table + " WHERE product_id = ?", productId));
        }
        return counts;
    }

    @Test
    void anApprovedOrderIsReceivedInTwoPartsIntoTheLedgerOfItsWarehouse() {
        String warehouse = createWarehouse();
        String supplier = supplier(10);
        String kept = newProduct();
        openingStock(warehouse, kept, 5);
        String notYetKept = newProduct();

        String id = create(order(supplier, warehouse, List.of(line(kept, 10, "6.80"), line(notYetKept, 4, null))));
        given().auth().oauth2(MANAGER).get("/purchase-orders/" + id).then().statusCode(200)
                .body("number", matchesPattern("PO-\\d{4}-\\d{6}"))
                .body("expectedOn", equalTo(LocalDate.now(ZoneOffset.UTC).plusDays(10).toString()))
                .body("currency", equalTo("USD"))
                .body("createdBy", equalTo("test-catalog-manager"))
                .body("lines[1].unitCost", equalTo(7.10f))
                .body("totalOrdered", equalTo(96.40f));

        as(MANAGER).post("/purchase-orders/" + id + "/submit").then().statusCode(200)
                .body("status", equalTo("SUBMITTED")).body("submittedBy", equalTo("test-catalog-manager"));
        as(MANAGER).post("/purchase-orders/" + id + "/approve").then().statusCode(403).contentType(PROBLEM);
        as(ADMIN).post("/purchase-orders/" + id + "/approve").then().statusCode(200)
                .body("status", equalTo("APPROVED")).body("approvedBy", equalTo("test-admin"));

        JsonPath first = receive(id, List.of(line(kept, 6, null)));
        assertThat(first.getString("purchaseOrder.status")).isEqualTo("PARTIALLY_RECEIVED");
        assertThat(first.getInt("purchaseOrder.lines[0].quantityReceived")).isEqualTo(6);
        assertThat(first.getInt("purchaseOrder.lines[0].quantityVariance")).isEqualTo(-4);
        assertThat(first.getInt("purchaseOrder.lines[1].quantityVariance")).isEqualTo(-4);

        JsonPath second = receive(id, List.of(line(notYetKept, 4, null), line(kept, 4, null)));
        assertThat(second.getString("purchaseOrder.status")).isEqualTo("RECEIVED");
        assertThat(second.getString("purchaseOrder.receivedBy")).isEqualTo("test-catalog-manager");
        assertThat(second.getBoolean("purchaseOrder.closedShort")).isFalse();
        assertThat(second.getList("purchaseOrder.lines.quantityVariance", Integer.class)).containsOnly(0);
        assertThat(second.getFloat("purchaseOrder.totalReceived")).isEqualTo(96.40f);
        assertThat(second.getList("receipt.lines")).hasSize(2);

        assertThat(CATALOG.query("SELECT movement_type, warehouse_id, quantity FROM inventory_movement "
                + "WHERE reference_type = 'PURCHASE_ORDER' AND reference_id = ? ORDER BY id", id))
                .extracting(r -> r.get("movement_type") + "@" + r.get("warehouse_id") + ":" + r.get("quantity"))
                .containsExactlyInAnyOrder("RECEIPT@" + warehouse + ":6", "RECEIPT@" + warehouse + ":4",
                        "RECEIPT@" + warehouse + ":4");
        assertThat(CATALOG.count("SELECT COUNT(*) FROM purchase_order_receipt_line l JOIN inventory_movement m "
                + "ON m.id = l.movement_id JOIN purchase_order_receipt r ON r.id = l.receipt_id "
                + "WHERE r.purchase_order_id = ? AND m.product_id = l.product_id AND m.quantity = l.quantity", id))
                .as("each receipt line points at the ledger row that booked it").isEqualTo(3);
        assertThat(onHand(kept)).isEqualTo(15);
        assertThat(onHand(notYetKept)).isEqualTo(4);
        assertLedgerSumsToOnHand(kept);
        assertLedgerSumsToOnHand(notYetKept);

        StockLevelChanged changed = EventCodec.data(EventCodec.parse(TopicProbe.await(Topics.CATALOG_INVENTORY,
                r -> notYetKept.equals(r.key()) && r.value().contains("\"cause\":\"RECEIPT\""),
                TopicProbe.DEFAULT_TIMEOUT).value()), StockLevelChanged.TYPE);
        assertThat(changed.reference()).hasToString(id);
        assertThat(changed.onHand()).isEqualTo(4);
        assertThat(changed.warehouseId()).hasToString(warehouse);

        List<PurchaseOrderSnapshot> published = TopicProbe.readUntil(Topics.CATALOG_PURCHASE_ORDER,
                        r -> id.equals(r.key()),
                        seen -> seen.stream().anyMatch(r -> r.value().contains("\"status\":\"RECEIVED\"")),
                        TopicProbe.DEFAULT_TIMEOUT).stream()
                .map(r -> EventCodec.data(EventCodec.parse(r.value()), PurchaseOrderChanged.TYPE).purchaseOrder())
                .toList();
        assertThat(published).extracting(PurchaseOrderSnapshot::status).as("one snapshot per change, in order")
                .containsExactly("DRAFT", "SUBMITTED", "APPROVED", "PARTIALLY_RECEIVED", "RECEIVED");
        assertThat(published).extracting(PurchaseOrderSnapshot::version).isSorted().doesNotHaveDuplicates();
        PurchaseOrderSnapshot last = published.get(published.size() - 1);
        assertThat(last.supplierId()).hasToString(supplier);
        assertThat(last.leadTimeDays()).isEqualTo(10);
        assertThat(last.warehouseId()).hasToString(warehouse);
        assertThat(last.expectedOn()).isEqualTo(LocalDate.now(ZoneOffset.UTC).plusDays(10));
        assertThat(last.totalOrdered()).isEqualByComparingTo("96.40");
        assertThat(last.totalReceived()).isEqualByComparingTo("96.40");
        assertThat(last.submittedAt()).isNotNull();
        assertThat(last.approvedAt()).isNotNull();
        assertThat(last.receivedAt()).isNotNull();
        assertThat(last.cancelledAt()).isNull();
        assertThat(last.lines()).extracting(l -> l.productId() + ":" + l.quantityOrdered() + ":"
                        + l.quantityReceived() + ":" + l.unitCost())
                .containsExactly(kept + ":10:10:6.80", notYetKept + ":4:4:7.10");

        given().auth().oauth2(MANAGER).get("/purchase-orders/" + id + "/receipts").then()
                .statusCode(200).body("size()", equalTo(2)).body("[0].lines[0].quantity", equalTo(6));
        given().auth().oauth2(ADMIN).queryParam("supplierId", supplier)
                .queryParam("status", "RECEIVED").queryParam("warehouseId", warehouse)
                .get("/purchase-orders").then().statusCode(200)
                .body("totalItems", equalTo(1)).body("items[0].id", equalTo(id));
        as(MANAGER).body(Map.of("lines", List.of(line(kept, 1, null))))
                .post("/purchase-orders/" + id + "/receipts").then().statusCode(409).contentType(PROBLEM);
        assertThat(ledgerRowsOf(id)).isEqualTo(3);
    }

    @Test
    void overAndUnderReceiptShowAsVarianceAndAShortOrderCanBeClosed() {
        String warehouse = createWarehouse();
        String supplier = supplier(7);
        String over = newProduct();
        String under = newProduct();
        String id = approved(order(supplier, warehouse, List.of(line(over, 10, null), line(under, 5, null))));

        JsonPath received = receive(id, List.of(line(over, 12, "7.50"), line(under, 2, null)));
        assertThat(received.getString("purchaseOrder.status")).as("one line is still short")
                .isEqualTo("PARTIALLY_RECEIVED");
        assertThat(received.getFloat("receipt.lines.find { it.productId == '" + over + "' }.unitCost"))
                .isEqualTo(7.50f);

        as(MANAGER).body(Map.of("note", "supplier has no more")).post("/purchase-orders/" + id + "/close")
                .then().statusCode(200)
                .body("status", equalTo("RECEIVED")).body("closedShort", equalTo(true))
                .body("statusNote", equalTo("supplier has no more"))
                .body("lines[0].quantityVariance", equalTo(2))
                .body("lines[0].costReceived", equalTo(90.00f))
                .body("lines[0].costVariance", equalTo(4.80f))
                .body("lines[1].quantityReceived", equalTo(2))
                .body("lines[1].quantityVariance", equalTo(-3))
                .body("lines[1].costVariance", equalTo(0.0f));
        as(MANAGER).post("/purchase-orders/" + id + "/close").then().statusCode(409).contentType(PROBLEM);

        assertThat(onHand(over)).isEqualTo(12);
        assertThat(onHand(under)).isEqualTo(2);
        assertLedgerSumsToOnHand(over);
        assertLedgerSumsToOnHand(under);
    }

    @Test
    void illegalMovesAre409AndChangeNothing() {
        String warehouse = createWarehouse();
        String supplier = supplier(7);
        String productId = newProduct();
        Map<String, Object> body = order(supplier, warehouse, List.of(line(productId, 3, null)));
        String id = create(body);
        String path = "/purchase-orders/" + id;

        for (String move : List.of("/approve", "/close", "/return")) {
            as(ADMIN).post(path + move).then().statusCode(409).contentType(PROBLEM);
        }
        as(MANAGER).body(Map.of("lines", List.of(line(productId, 3, null)))).post(path + "/receipts")
                .then().statusCode(409).contentType(PROBLEM)
                .body("detail", equalTo("A purchase order that is DRAFT cannot receive goods"));

        as(MANAGER).post(path + "/submit").then().statusCode(200);
        as(MANAGER).post(path + "/submit").then().statusCode(409);
        Map<String, Object> moreLines = order(supplier, warehouse, List.of(line(productId, 30, null)));
        as(MANAGER).body(moreLines).put(path).then().statusCode(409).contentType(PROBLEM);
        as(MANAGER).body(Map.of("lines", List.of(line(productId, 3, null)))).post(path + "/receipts")
                .then().statusCode(409);
        given().auth().oauth2(MANAGER).get(path).then().statusCode(200)
                .body("status", equalTo("SUBMITTED")).body("version", equalTo(1))
                .body("lines[0].quantityOrdered", equalTo(3));

        as(ADMIN).body(Map.of("note", "thirty, please")).post(path + "/return").then().statusCode(200)
                .body("status", equalTo("DRAFT")).body("submittedAt", equalTo(null));
        as(MANAGER).body(moreLines).put(path).then().statusCode(200).body("lines[0].quantityOrdered", equalTo(30));
        as(MANAGER).body(Map.of("note", "not needed")).post(path + "/cancel").then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("cancelledBy", equalTo("test-catalog-manager"));
        for (String move : List.of("/submit", "/approve", "/cancel", "/close", "/return")) {
            as(ADMIN).post(path + move).then().statusCode(409);
        }
        given().auth().oauth2(MANAGER).get(path).then().body("status", equalTo("CANCELLED"))
                .body("statusNote", equalTo("not needed"));
        assertThat(ledgerRowsOf(id)).isZero();
        assertThat(CATALOG.count("SELECT COUNT(*) FROM stock_level WHERE product_id = ?", productId)).isZero();

        String receivedInPart = approved(order(supplier, warehouse, List.of(line(productId, 3, null))));
        receive(receivedInPart, List.of(line(productId, 1, null)));
        as(MANAGER).post("/purchase-orders/" + receivedInPart + "/cancel").then().statusCode(409)
                .body("detail", equalTo("A purchase order that is PARTIALLY_RECEIVED cannot become CANCELLED"));
    }

    @Test
    void onlyCatalogManagersAndAdminsReachPurchaseOrders() {
        String warehouse = createWarehouse();
        String supplier = supplier(7);
        String productId = newProduct();
        Map<String, Object> body = order(supplier, warehouse, List.of(line(productId, 3, null)));
        String id = approved(body);
        Map<String, Long> before = purchasingRowCounts(productId, supplier, warehouse);

        String customer = TestTokens.customer(UUID.randomUUID());
        String vendor = TestTokens.vendor(UUID.fromString(CatalogFixtures.createVendor()));
        String analyst = TestTokens.forRoles("analyst");
        for (String token : List.of(customer, vendor, TestTokens.forRoles("support"))) {
            as(token).body(body).post("/purchase-orders").then().statusCode(403).contentType(PROBLEM);
            as(token).get("/purchase-orders").then().statusCode(403);
            as(token).get("/purchase-orders/" + id).then().statusCode(403);
            as(token).body(Map.of("lines", List.of(line(productId, 3, null))))
                    .post("/purchase-orders/" + id + "/receipts").then().statusCode(403);
            as(token).get("/suppliers").then().statusCode(403);
        }
        // Unit costs are product costs, which analysts do not see; suppliers they may read.
        as(analyst).body(body).post("/purchase-orders").then().statusCode(403);
        as(analyst).post("/purchase-orders/" + id + "/cancel").then().statusCode(403);
        as(analyst).get("/purchase-orders/" + id).then().statusCode(403);
        as(analyst).get("/purchase-orders/" + id + "/receipts").then().statusCode(403);
        as(analyst).get("/suppliers/" + supplier).then().statusCode(200);
        as(analyst).body(Map.of("name", "X", "email", "x@example.com", "country", "DE")).post("/suppliers")
                .then().statusCode(403);
        given().contentType(ContentType.JSON).body(body).post("/purchase-orders").then().statusCode(401);

        assertThat(purchasingRowCounts(productId, supplier, warehouse)).isEqualTo(before);
        given().auth().oauth2(MANAGER).get("/purchase-orders/" + id).then().body("status", equalTo("APPROVED"))
                .body("version", equalTo(2));
    }

    @Test
    void badInputIs422AndChangesNothing() {
        String warehouse = createWarehouse();
        String supplier = supplier(7);
        String productId = newProduct();
        String unknown = UUID.randomUUID().toString();
        String id = approved(order(supplier, warehouse, List.of(line(productId, 3, null))));
        Map<String, Long> before = purchasingRowCounts(productId, supplier, warehouse);

        as(MANAGER).body(order(supplier, warehouse, List.of(line(productId, 0, null)))).post("/purchase-orders")
                .then().statusCode(422).contentType(PROBLEM).body("errors[0].field", equalTo("lines[0].quantity"));
        as(MANAGER).body(order(supplier, warehouse, List.of(line(productId, 1, "-1.00")))).post("/purchase-orders")
                .then().statusCode(422).body("errors[0].field", equalTo("lines[0].unitCost"));
        as(MANAGER).body(order(supplier, warehouse, List.of(line(unknown, 1, null)))).post("/purchase-orders")
                .then().statusCode(422).body("errors[0].field", equalTo("lines[0].productId"));
        as(MANAGER).body(order(supplier, unknown, List.of(line(productId, 1, null)))).post("/purchase-orders")
                .then().statusCode(422).body("errors.field", hasItem("warehouseId"));
        as(MANAGER).body(order(unknown, warehouse, List.of(line(productId, 1, null)))).post("/purchase-orders")
                .then().statusCode(422).body("errors.field", hasItem("supplierId"));
        as(MANAGER).body(order(supplier, warehouse, List.of(line(productId, 1, null), line(productId, 2, null))))
                .post("/purchase-orders").then().statusCode(422).body("errors[0].field", equalTo("lines[1].productId"));
        as(MANAGER).body(order(supplier, warehouse, List.of()))
                .post("/purchase-orders").then().statusCode(422).body("errors[0].field", equalTo("lines"));

        String receipts = "/purchase-orders/" + id + "/receipts";
        as(MANAGER).body(Map.of("lines", List.of(line(productId, 0, null)))).post(receipts)
                .then().statusCode(422).body("errors[0].field", equalTo("lines[0].quantity"));
        as(MANAGER).body(Map.of("lines", List.of(line(productId, -2, null)))).post(receipts)
                .then().statusCode(422);
        as(MANAGER).body(Map.of("lines", List.of(line(productId, 1, null), line(unknown, 1, null)))).post(receipts)
                .then().statusCode(422).body("errors[0].field", equalTo("lines[1].productId"))
                .body("errors[0].message", equalTo("is not on this purchase order"));
        as(MANAGER).body(Map.of("lines", List.of(line(productId, 1, null), line(productId, 1, null)))).post(receipts)
                .then().statusCode(422);
        as(MANAGER).body(Map.of("lines", List.of())).post(receipts).then().statusCode(422);
        as(MANAGER).body(Map.of("lines", List.of(line("not-a-uuid", 1, null)))).post(receipts)
                .then().statusCode(400).contentType(PROBLEM);
        as(MANAGER).body(Map.of("lines", List.of(line(productId, 1, null)))).post("/purchase-orders/" + unknown
                + "/receipts").then().statusCode(404).contentType(PROBLEM);

        assertThat(purchasingRowCounts(productId, supplier, warehouse)).isEqualTo(before);
        given().auth().oauth2(MANAGER).get("/purchase-orders/" + id).then().body("status", equalTo("APPROVED"))
                .body("lines[0].quantityReceived", equalTo(0));
    }

    @Test
    void suppliersAreKeptAndAnInactiveOneTakesNoNewOrders() {
        String name = unique("Acme Supply");
        String email = name.toLowerCase().replace(' ', '-') + "@example.com";
        Map<String, Object> body = new LinkedHashMap<>(Map.of("name", name, "email", email.toUpperCase(),
                "country", "DE", "leadTimeDays", 21));
        String id = as(MANAGER).body(body).post("/suppliers").then().statusCode(201)
                .body("email", equalTo(email)).body("status", equalTo("ACTIVE")).extract().path("id");
        as(MANAGER).body(body).post("/suppliers").then().statusCode(409).contentType(PROBLEM);
        as(MANAGER).body(Map.of("name", name, "email", "x@example.com", "country", "Germany")).post("/suppliers")
                .then().statusCode(422);

        String warehouse = createWarehouse();
        String productId = newProduct();
        String draft = create(order(id, warehouse, List.of(line(productId, 1, null))));

        body.put("status", "INACTIVE");
        as(ADMIN).body(body).put("/suppliers/" + id).then().statusCode(200).body("status", equalTo("INACTIVE"));
        as(MANAGER).body(order(id, warehouse, List.of(line(productId, 1, null)))).post("/purchase-orders")
                .then().statusCode(422).body("errors[0].field", equalTo("supplierId"));
        as(MANAGER).post("/purchase-orders/" + draft + "/submit").then().statusCode(409);
        given().auth().oauth2(TestTokens.forRoles("analyst")).queryParam("status", "INACTIVE").queryParam("size", 100)
                .get("/suppliers").then().statusCode(200).body("items.id", hasItem(id));
        given().auth().oauth2(MANAGER).queryParam("status", "ACTIVE").queryParam("size", 100)
                .get("/suppliers").then().statusCode(200).body("items.id", not(hasItem(id)));
    }
}
