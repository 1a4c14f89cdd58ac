package io.eventcommerce.systemtests;

import io.eventcommerce.devstack.PlatformService;
import io.eventcommerce.devstack.PlatformStack;
import io.eventcommerce.devstack.RunningServices;
import io.eventcommerce.testkit.Database;
import io.eventcommerce.testkit.TestStack;
import io.eventcommerce.testkit.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/**
 * The whole platform as {@code ./platformctl up} runs it (same code: {@link RunningServices}), on the test stack,
 * started once per test JVM on free ports.
 */
final class Platform {

    static final String CATALOG_MANAGER = TestTokens.forRoles("catalog-manager");
    static final String SUPPORT = TestTokens.forRoles("support");
    static final Duration SAGA_TIMEOUT = Duration.ofSeconds(12);
    static final Map<String, Object> ADDRESS = Map.of("name", "Ada Lovelace", "line1", "12 St James's Square",
            "city", "London", "postalCode", "SW1Y 4JH", "country", "GB");

    private static RunningServices services;

    private Platform() {
    }

    static synchronized RunningServices services() {
        if (services == null) {
            PlatformStack stack = TestStack.get();
            Path root = Path.of(System.getProperty("platform.root", "../..")).toAbsolutePath().normalize();
            // The production saga, answered by the real catalog-service and compliance-service, with a timeout
            // short enough to watch it fire. compliance-service approves the tests' ordinary orders: every test
            // customer pays with the simulator's one test card (tok_approve) and ships to one address, which its
            // card and address rules would rightly treat as shared, and bursts of orders are what these tests do;
            // so its thresholds are set near 1 and those two rules off. The declines rule stays: it holds an order
            // for review where a test wants one (OrderSagaIT).
            services = RunningServices.start(stack, root, Path.of("target", "platform"), port -> 0,
                    Duration.ofMinutes(3), Map.of(PlatformService.ORDERS, Map.of(
                            "orders.saga.await", "stock,fraud",
                            "orders.saga.reply-timeout", SAGA_TIMEOUT.toString(),
                            "orders.saga.timeout-check-every", "1s"),
                            PlatformService.COMPLIANCE, Map.of(
                                    "compliance.fraud.review-threshold", "0.999",
                                    "compliance.fraud.reject-threshold", "1.0",
                                    "compliance.fraud.rules.customers-per-card-reject", "1000000",
                                    "compliance.fraud.rules.customers-per-shipping-address-review", "1000000")));
            Runtime.getRuntime().addShutdownHook(new Thread(services::close, "services-shutdown"));
        }
        return services;
    }

    static PlatformStack stack() {
        services();
        return TestStack.get();
    }

    static RequestSpecification catalog(String token) {
        return given().baseUri(services().get(PlatformService.CATALOG).uri().toString())
                .auth().oauth2(token).contentType(ContentType.JSON);
    }

    static RequestSpecification orders(String token) {
        return given().baseUri(services().get(PlatformService.ORDERS).uri().toString())
                .auth().oauth2(token).contentType(ContentType.JSON);
    }

    static String createCategory(String name) {
        return catalog(CATALOG_MANAGER).body(Map.of("name", name)).post("/categories")
                .then().statusCode(201).extract().path("id");
    }

    static String createProduct(String sku, String categoryId, String price) {
        return catalog(CATALOG_MANAGER).body(product(sku, categoryId, price)).post("/products")
                .then().statusCode(201).extract().path("id");
    }

    static Map<String, Object> product(String sku, String categoryId, String price) {
        return Map.of("sku", sku, "name", "Product " + sku, "categoryId", categoryId, "price", price,
                "status", "ACTIVE");
    }

    /** A product kept in a new warehouse with {@code onHand} units, already in orders-service's replica. */
    static String stockedProduct(int onHand) {
        services();
        String productId = createProduct("SAGA-" + UUID.randomUUID().toString().substring(0, 8),
                createCategory("Saga " + UUID.randomUUID()), "30.00");
        String warehouse = catalog(CATALOG_MANAGER).body(Map.of("code", "W" + UUID.randomUUID().toString()
                        .substring(0, 8).toUpperCase(), "name", "Main", "country", "GB"))
                .post("/warehouses").then().statusCode(201).extract().path("id");
        catalog(CATALOG_MANAGER).body(Map.of("minStock", 0, "maxStock", Math.max(50, onHand), "reorderPoint", 1,
                        "leadTimeDays", 5))
                .put("/warehouses/" + warehouse + "/stock/" + productId).then().statusCode(200);
        catalog(CATALOG_MANAGER).body(Map.of("type", "RECEIPT", "quantity", onHand))
                .post("/warehouses/" + warehouse + "/stock/" + productId + "/movements").then().statusCode(201);
        CatalogToOrdersIT.awaitReplicaPrice(productId, "30.00");
        return productId;
    }

    static String createCustomer(String email) {
        return orders(SUPPORT).body(Map.of("email", email, "firstName", "Ada", "lastName", "Lovelace"))
                .post("/customers").then().statusCode(201).extract().path("id");
    }

    static RequestSpecification compliance(String token) {
        return given().baseUri(services().get(PlatformService.COMPLIANCE).uri().toString())
                .auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** An order's status and cancel reason as orders-service stored them, e.g. "PAID" or "CANCELLED TIMEOUT". */
    static String orderOutcome(String orderId) {
        Map<String, Object> row = Database.of("orders").query("SELECT status, cancel_reason FROM customer_order "
                + "WHERE id = ?", orderId).get(0);
        return row.get("cancel_reason") == null ? (String) row.get("status")
                : row.get("status") + " " + row.get("cancel_reason");
    }

    /** Units of a product reserved across its warehouses. */
    static int reserved(String productId) {
        return ((Number) Database.of("catalog").query("SELECT SUM(reserved) AS reserved FROM stock_level "
                + "WHERE product_id = ?", productId).get(0).get("reserved")).intValue();
    }
}
