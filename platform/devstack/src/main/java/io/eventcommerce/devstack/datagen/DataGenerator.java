package io.eventcommerce.devstack.datagen;

import io.eventcommerce.devstack.StackException;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Fills a running platform through its APIs with the data of a {@link Synthesis}: categories, products, warehouses
 * and stock, promotions, customers (through the admin import, with their registration times) and their cards, two
 * years of orders (through the admin history import, so they keep their
 * times and statuses and publish their events), and reviews by the customers who received the products. Writes
 * the ground truth of the fraud orders and their look-alikes to {@code fraud-labels.csv} in the output folder, and
 * beside it the truth of the price elasticities ({@code elasticity-truth.csv}, {@code price-schedules.csv}) and a
 * competitor price feed ({@code competitor-prices.csv}). The request bodies and files are built by static methods,
 * so they are unit-tested without a platform.
 */
public final class DataGenerator {

    private static final int THREADS = 8;
    private static final int IMPORT_BATCH = 250;
    /** The most customers {@code POST /admin/customers/import} takes at once. */
    private static final int CUSTOMER_BATCH = 500;

    private final PlatformApi api;
    private final PrintWriter out;
    private final Path outputDir;

    public DataGenerator(URI catalog, URI orders, PrintWriter out, Path outputDir) {
        this.api = new PlatformApi(catalog, orders);
        this.out = out;
        this.outputDir = outputDir;
    }

    /** What was loaded, and how long it took. */
    public record Summary(Map<String, Integer> counts, Duration took) {
    }

    public Summary generate(Scale scale, long seed) {
        long started = System.nanoTime();
        out.printf("Generating %s data with seed %d …%n", scale.name().toLowerCase(), seed);
        out.flush();
        Synthesis s = Synthesis.of(scale, seed, Instant.now());
        Map<String, Integer> counts = new LinkedHashMap<>();

        List<String> categoryIds = new ArrayList<>();
        Progress progress = new Progress(out, "categories", s.categories.size());
        for (Synthesis.Category c : s.categories) {
            Map<String, Object> body = new HashMap<>(Map.of("name", c.name()));
            if (c.parent() >= 0) {
                body.put("parentId", categoryIds.get(c.parent()));
            }
            categoryIds.add(api.createOrReuse(api.catalog("POST", "/categories", body), "category " + c.name(),
                    () -> api.findInCatalog("/categories", item -> item.path("name").asText().equalsIgnoreCase(c.name()))));
            progress.advance(1);
        }
        progress.finish();
        counts.put("categories", categoryIds.size());

        List<String> productIds = parallel("products", s.products.size(), i -> {
            Synthesis.Product p = s.products.get(i);
            return api.createOrReuse(api.catalog("POST", "/products", Map.of("sku", p.sku(), "name", p.name(),
                    "brand", p.brand(), "categoryId", categoryIds.get(p.category()), "price", p.price(), "cost",
                    p.cost(), "currency", "USD", "status", "ACTIVE", "description", "Generated " + p.name())),
                    p.sku(), () -> api.findInCatalog("/products?q=" + PlatformApi.query(p.sku()),
                            item -> item.path("sku").asText().equalsIgnoreCase(p.sku())));
        });
        counts.put("products", productIds.size());

        List<String> warehouseIds = new ArrayList<>();
        String[] countries = {"US", "DE", "GB"};
        for (int w = 0; w < scale.warehouses; w++) {
            String code = "GEN" + seed + "-W" + (w + 1);
            warehouseIds.add(api.createOrReuse(api.catalog("POST", "/warehouses", Map.of("code", code, "name",
                    "Warehouse " + (w + 1), "country", countries[w % countries.length], "priority", 10 * (w + 1))),
                    "warehouse " + code, () -> api.findInCatalog("/warehouses",
                            item -> item.path("code").asText().equalsIgnoreCase(code))));
        }
        parallel("stock", s.stock.size(), i -> {
            Synthesis.Stock st = s.stock.get(i);
            String warehouseId = warehouseIds.get(st.warehouse());
            String path = "/warehouses/" + warehouseId + "/stock/" + productIds.get(st.product());
            if (stocked(productIds.get(st.product()), warehouseId)) {
                // Kept there by an earlier run: its opening stock was booked then, and is not booked twice.
                return path;
            }
            expect(api.catalog("PUT", path, Map.of("minStock", 5, "maxStock", 1000, "reorderPoint", st.reorderPoint(),
                    "leadTimeDays", 7)), 200, "stock thresholds");
            expect(api.catalog("POST", path + "/movements", Map.of("type", "RECEIPT", "quantity", st.onHand(),
                    "note", "opening stock")), 201, "opening stock");
            return path;
        });
        counts.put("warehouses", warehouseIds.size());
        counts.put("stockLevels", s.stock.size());

        parallel("promotions", s.promotions.size(), i -> {
            Synthesis.Promotion p = s.promotions.get(i);
            Map<String, Object> body = new HashMap<>(Map.of("code", p.code(), "kind", p.kind(), "value", p.value(),
                    "startsAt", p.startsAt().toString(), "description", "Generated campaign"));
            if (p.endsAt() != null) {
                body.put("endsAt", p.endsAt().toString());
            }
            if (p.minimumOrder() != null) {
                body.put("minimumOrder", p.minimumOrder());
            }
            if (p.usageLimit() != null) {
                body.put("usageLimit", p.usageLimit());
            }
            return api.createOrReuse(api.catalog("POST", "/promotions", body), "promotion " + p.code(),
                    () -> api.findInCatalog("/promotions", item -> item.path("code").asText().equalsIgnoreCase(p.code())));
        });
        counts.put("promotions", s.promotions.size());

        counts.put("customers", importCustomers(s));
        // Each customer's cards (BIN by issuing country), which its orders were paid with.
        List<String> cardLists = parallel("cards", s.customers.size(), i -> String.join(" ", cards(s.customers.get(i))));
        List<List<String>> cardIds = cardLists.stream().map(v -> List.of(v.split(" "))).toList();
        counts.put("cards", cardIds.stream().mapToInt(List::size).sum());

        importOrders(s, productIds, cardIds);
        counts.put("orders", s.orders.size());
        counts.put("orderItems", s.orders.stream().mapToInt(o -> o.lines().size()).sum());
        counts.put("shipped", (int) s.orders.stream().filter(o -> o.shippedAt() != null).count());
        counts.put("chargebacks", (int) s.orders.stream().filter(o -> o.chargebackAt() != null).count());

        counts.put("reviews", writeReviews(s, productIds));
        counts.put("purchaseOrders", purchasing(s, productIds, warehouseIds));
        counts.put("fraudOrders", (int) s.orders.stream().filter(o -> o.fraudPattern() != null).count());
        counts.put("labelRows", writeFraudLabels(s));
        counts.put("promotedOrders", (int) s.orders.stream().filter(Synthesis.Order::promoted).count());
        counts.put("pricedProducts", write("elasticity-truth.csv", elasticityTruth(s, productIds)) - 1);
        write("price-schedules.csv", priceSchedules(s));
        counts.put("competitorPrices", writeCompetitorPrices(s));
        return new Summary(counts, Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * The customers through the admin import, with their ids (derived from the seed) and registration times, in
     * batches of 500; a customer whose id exists is skipped, so a run can be repeated.
     */
    private int importCustomers(Synthesis s) {
        Progress progress = new Progress(out, "customers", s.customers.size());
        List<List<Synthesis.Customer>> batches = new ArrayList<>();
        for (int i = 0; i < s.customers.size(); i += CUSTOMER_BATCH) {
            batches.add(s.customers.subList(i, Math.min(i + CUSTOMER_BATCH, s.customers.size())));
        }
        runParallel(batches.size(), b -> {
            PlatformApi.Reply reply = api.orders("POST", "/admin/customers/import", customerBatch(batches.get(b)));
            if (!reply.ok()) {
                throw new StackException("Importing customers failed with " + reply.status() + ": "
                        + reply.text().substring(0, Math.min(2000, reply.text().length())));
            }
            progress.advance(batches.get(b).size());
            return null;
        });
        progress.finish();
        return s.customers.size();
    }

    /** The body of {@code POST /admin/customers/import}. */
    static Map<String, Object> customerBatch(List<Synthesis.Customer> customers) {
        return Map.of("customers", customers.stream().map(c -> Map.<String, Object>of("id", c.id().toString(),
                "email", c.email(), "firstName", c.firstName(), "lastName", c.lastName(), "country", c.country(),
                "segment", c.segment(), "registeredAt", c.registeredAt().toString())).toList());
    }

    /**
     * The ids of the customer's cards, in its order: a card saved by an earlier run (same last four digits and
     * expiry) is reused, the others are saved now.
     */
    private List<String> cards(Synthesis.Customer c) {
        PlatformApi.Reply reply = api.orders("GET", "/customers/" + c.id() + "/payment-methods?size=100", null);
        expect(reply, 200, "reading the cards of " + c.email());
        List<com.fasterxml.jackson.databind.JsonNode> saved = new ArrayList<>();
        PlatformApi.items(reply).forEach(saved::add);
        List<String> ids = new ArrayList<>();
        for (Synthesis.Card card : c.cards()) {
            java.util.Optional<com.fasterxml.jackson.databind.JsonNode> same = saved.stream()
                    .filter(m -> m.path("last4").asText().equals(card.last4())
                            && m.path("expMonth").asInt() == card.expMonth()
                            && m.path("expYear").asInt() == card.expYear())
                    .findFirst();
            same.ifPresent(saved::remove);
            ids.add(same.map(m -> m.path("id").asText()).orElseGet(() -> api.create(api.orders("POST",
                    "/customers/" + c.id() + "/payment-methods", cardBody(card)), "card of " + c.email())));
        }
        return ids;
    }

    /** The body of {@code POST /customers/{id}/payment-methods}. */
    static Map<String, Object> cardBody(Synthesis.Card card) {
        return Map.of("cardNumber", card.number(), "expMonth", card.expMonth(), "expYear", card.expYear(),
                "cvc", "123");
    }

    private void importOrders(Synthesis s, List<String> productIds, List<List<String>> cardIds) {
        Progress progress = new Progress(out, "orders", s.orders.size());
        List<List<Synthesis.Order>> batches = new ArrayList<>();
        for (int i = 0; i < s.orders.size(); i += IMPORT_BATCH) {
            batches.add(s.orders.subList(i, Math.min(i + IMPORT_BATCH, s.orders.size())));
        }
        runParallel(batches.size(), b -> {
            List<Map<String, Object>> body = batches.get(b).stream()
                    .map(o -> orderBody(s, o, productIds, cardIds)).toList();
            // The products reach orders-service's replica through Kafka: until they have, the import answers
            // 422 "unknown product". Wait for them, a little longer each time.
            for (int attempt = 0; ; attempt++) {
                PlatformApi.Reply reply = api.orders("POST", "/admin/orders/import", Map.of("orders", body));
                if (reply.ok()) {
                    break;
                }
                if (reply.status() != 422 || !reply.text().contains("unknown product") || attempt > 60) {
                    throw new StackException("Importing orders failed with " + reply.status() + ": "
                            + reply.text().substring(0, Math.min(2000, reply.text().length())));
                }
                pause(Duration.ofSeconds(1));
            }
            progress.advance(batches.get(b).size());
            return null;
        });
        progress.finish();
    }

    /**
     * One order of {@code POST /admin/orders/import}: the customer's own address unless it was shipped elsewhere
     * (then one made from the order id), the billing address of the card holder's country, the card it was paid
     * with, the client IP, and the chargeback if there was one. Nothing says whether it was fraud.
     */
    static Map<String, Object> orderBody(Synthesis s, Synthesis.Order o, List<String> productIds,
                                         List<List<String>> cardIds) {
        Synthesis.Customer customer = s.customers.get(o.customer());
        String name = customer.firstName() + " " + customer.lastName();
        long home = customer.id().getLeastSignificantBits();
        long elsewhere = o.id().getLeastSignificantBits();
        Map<String, Object> body = new HashMap<>();
        body.put("id", o.id().toString());
        body.put("customerId", customer.id().toString());
        body.put("status", o.status());
        body.put("channel", o.channel());
        body.put("lines", o.lines().stream().map(l -> Map.of("productId", productIds.get(l.product()), "quantity",
                l.quantity(), "unitPrice", l.unitPrice())).toList());
        body.put("shippingAddress", o.newAddress()
                ? address(o.lookAlike() == FraudMix.LookAlike.GIFT ? Synthesis.someoneElse(o.id()) : name, elsewhere,
                        o.shipCountry())
                : address(name, home, o.shipCountry()));
        body.put("billingAddress", address(name, o.billingCountry().equals(customer.country()) ? home : ~elsewhere,
                o.billingCountry()));
        body.put("paymentMethodId", cardIds.get(o.customer()).get(o.card()));
        body.put("clientIp", o.clientIp());
        body.put("placedAt", o.placedAt().toString());
        put(body, "paidAt", o.paidAt());
        put(body, "shippedAt", o.shippedAt());
        put(body, "deliveredAt", o.deliveredAt());
        put(body, "returnedAt", o.returnedAt());
        put(body, "cancelledAt", o.cancelledAt());
        put(body, "chargebackAt", o.chargebackAt());
        if (o.promoted()) {
            body.put("promotionCode", s.promotions.get(o.promotion()).code());
            body.put("discount", o.discount());
        }
        if (o.cancelReason() != null) {
            body.put("cancelReason", o.cancelReason());
        }
        if (o.shippedAt() != null) {
            body.put("shipment", Map.of("carrier", List.of("UPS", "DHL", "FedEx", "USPS").get(Math.abs(o.id()
                    .hashCode() % 4)), "trackingNumber", trackingNumber(o.id())));
        }
        if (o.returnedAt() != null) {
            body.put("returned", Map.of("reason", "Did not fit", "restock", true));
        }
        return body;
    }

    private static final String[] STREETS = {"Market Street", "High Street", "Station Road", "Church Lane",
        "Park Avenue", "Mill Road", "Harbour Way", "Elm Grove"};

    /** A postal address fixed by {@code key} in the country (the same key, the same address). */
    static Map<String, Object> address(String name, long key, String country) {
        int a = (int) Math.floorMod(key, 1_000_003L);
        return Map.of("name", name, "line1", (1 + a % 200) + " " + STREETS[a / 200 % STREETS.length],
                "city", "City of " + country + " " + (1 + a / 1600 % 40),
                "postalCode", String.format("%05d", Math.floorMod(key >>> 20, 99_999L)), "country", country);
    }

    /**
     * Letters break the digits into short runs: a long run of digits could pass the Luhn check and be refused as a
     * card number (PCI DSS guard).
     */
    static String trackingNumber(UUID orderId) {
        String hex = orderId.toString().toUpperCase(java.util.Locale.ROOT);
        return "TR" + hex.substring(0, 8) + "X" + hex.substring(9, 13);
    }

    private static void put(Map<String, Object> body, String field, Instant value) {
        if (value != null) {
            body.put(field, value.toString());
        }
    }

    /**
     * Reviews by customers who received the product. catalog-service learns deliveries from Kafka, so a review
     * refused with 403 (not yet a verified buyer) is tried again in the next round.
     */
    private int writeReviews(Synthesis s, List<String> productIds) {
        Progress progress = new Progress(out, "reviews", s.reviews.size());
        List<Synthesis.Review> pending = s.reviews;
        AtomicInteger written = new AtomicInteger();
        for (int round = 0; !pending.isEmpty() && round < 120; round++) {
            List<Synthesis.Review> current = pending;
            List<Synthesis.Review> retry = java.util.Collections.synchronizedList(new ArrayList<>());
            runParallel(current.size(), i -> {
                Synthesis.Review r = current.get(i);
                Synthesis.Order order = s.orders.get(r.order());
                PlatformApi.Reply reply = api.catalogAsCustomer(s.customers.get(order.customer()).id(),
                        "POST", "/products/" + productIds.get(r.product()) + "/reviews",
                        Map.of("rating", r.rating(), "title", r.rating() >= 4 ? "Happy with it" : "Not great"));
                if (reply.status() == 201 || reply.status() == 409) {
                    written.incrementAndGet();
                    progress.advance(1);
                } else if (reply.status() == 403) {
                    retry.add(r);
                } else {
                    throw new StackException("Writing a review failed with " + reply.status() + ": " + reply.text());
                }
                return null;
            });
            pending = new ArrayList<>(retry);
            if (!pending.isEmpty()) {
                pause(Duration.ofSeconds(1));
            }
        }
        progress.finish();
        if (!pending.isEmpty()) {
            throw new StackException(pending.size() + " reviews were still refused after two minutes: catalog-service "
                    + "has not learned those deliveries (is its orders.order consumer running?)");
        }
        return written.get();
    }

    /**
     * Suppliers and purchase orders, taken as far as each got: submitted by the generator, approved by a second
     * user, received in one or two receipts (a short delivery closed short). The API has no backfill for purchase
     * orders, so their own times are those of the load; the plan's age only decides how far each one got.
     */
    private int purchasing(Synthesis s, List<String> productIds, List<String> warehouseIds) {
        List<String> supplierIds = new ArrayList<>();
        for (Synthesis.Supplier supplier : s.suppliers) {
            supplierIds.add(api.createOrReuse(api.catalog("POST", "/suppliers", Map.of("name", supplier.name(),
                    "email", supplier.email(), "country", supplier.country(), "leadTimeDays", supplier.leadTimeDays())),
                    "supplier " + supplier.name(), () -> api.findInCatalog("/suppliers",
                            item -> item.path("email").asText().equalsIgnoreCase(supplier.email()))));
        }
        parallel("purchasing", s.purchaseOrders.size(), i -> {
            Synthesis.PurchaseOrder po = s.purchaseOrders.get(i);
            String id = api.create(api.catalog("POST", "/purchase-orders", Map.of("supplierId",
                    supplierIds.get(po.supplier()), "warehouseId", warehouseIds.get(po.warehouse()), "notes",
                    "Replenishment, planned " + po.daysAgo() + " days ago", "lines", po.lines().stream()
                            .map(l -> Map.of("productId", productIds.get(l.product()), "quantity", l.quantity(),
                                    "unitCost", l.unitPrice())).toList())), "purchase order");
            String base = "/purchase-orders/" + id;
            if (po.status().equals("DRAFT")) {
                return id;
            }
            if (po.status().equals("CANCELLED")) {
                expect(api.catalog("POST", base + "/cancel", Map.of("note", "Supplier could not deliver")), 200,
                        "cancelling a purchase order");
                return id;
            }
            expect(api.catalog("POST", base + "/submit", null), 200, "submitting a purchase order");
            if (po.status().equals("SUBMITTED")) {
                return id;
            }
            expect(api.catalogAsApprover("POST", base + "/approve", null), 200, "approving a purchase order");
            if (po.status().equals("APPROVED")) {
                return id;
            }
            List<Map<String, Object>> first = new ArrayList<>();
            List<Map<String, Object>> second = new ArrayList<>();
            for (Synthesis.Line line : po.lines()) {
                int quantity = po.shortDelivery() ? line.quantity() - 10 : line.quantity();
                int now = po.twoReceipts() ? quantity / 2 : quantity;
                first.add(Map.of("productId", productIds.get(line.product()), "quantity", now));
                if (quantity - now > 0) {
                    second.add(Map.of("productId", productIds.get(line.product()), "quantity", quantity - now));
                }
            }
            expect(api.catalog("POST", base + "/receipts", Map.of("lines", first)), 201, "a receipt");
            if (!second.isEmpty()) {
                expect(api.catalog("POST", base + "/receipts", Map.of("lines", second)), 201, "a second receipt");
            }
            if (po.shortDelivery()) {
                expect(api.catalog("POST", base + "/close", Map.of("note", "Short delivery accepted")), 200,
                        "closing a purchase order short");
            }
            return id;
        });
        return s.purchaseOrders.size();
    }

    private int writeFraudLabels(Synthesis s) {
        return write("fraud-labels.csv", fraudLabels(s)) - 1;
    }

    /** Writes the lines to the file in the output folder; the number of lines. */
    private int write(String file, List<String> lines) {
        try {
            Files.createDirectories(outputDir);
            Files.write(outputDir.resolve(file), lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines.size();
    }

    /**
     * Uploads {@code competitor-prices.csv} from {@code outputDir} to insights-service ({@code POST
     * /competitors/prices/uploads}), once its product replica has caught up: rows whose sku it does not know yet
     * would be refused. Optional: nothing is sent when insights-service is not running or the file is missing; a
     * second run stores nothing twice (the upload counts duplicates). Returns the line to print.
     */
    public static String uploadCompetitorPrices(URI insights, Path outputDir) {
        Path file = outputDir.resolve("competitor-prices.csv");
        if (insights == null || !Files.exists(file)) {
            return "Competitor prices not loaded: " + (insights == null ? "insights-service is not running"
                    : file + " is missing");
        }
        long started = System.nanoTime();
        PlatformApi.Reply reply;
        try {
            reply = PlatformApi.uploadCsv(insights, "/competitors/prices/uploads", file);
        } catch (StackException e) {
            if (e.getCause() instanceof java.net.ConnectException) {
                return "Competitor prices not loaded: insights-service does not answer at " + insights;
            }
            throw e;
        }
        if (!reply.ok()) {
            throw new StackException("Uploading " + file + " to insights-service failed with " + reply.status()
                    + ": " + reply.text().substring(0, Math.min(2000, reply.text().length())));
        }
        com.fasterxml.jackson.databind.JsonNode b = reply.body();
        return String.format("Competitor prices loaded in %.1f s: %d rows read, %d stored, %d duplicates, %d refused, "
                        + "%d undercut alerts", (System.nanoTime() - started) / 1e9, b.path("rowsRead").asInt(),
                b.path("stored").asInt(), b.path("duplicates").asInt(), b.path("errorRows").asInt(),
                b.path("alerts").asInt());
    }

    /** The competitor feed, streamed to the file (tens of MB at seed scale); the number of observations. */
    private int writeCompetitorPrices(Synthesis s) {
        int[] rows = {0};
        try {
            Files.createDirectories(outputDir);
            try (java.io.BufferedWriter writer = Files.newBufferedWriter(outputDir.resolve("competitor-prices.csv"))) {
                CompetitorFeed.rows(s, line -> {
                    try {
                        writer.write(line);
                        writer.newLine();
                        rows[0]++;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows[0] - 1;
    }

    /**
     * The ground truth for checking a price elasticity estimate: every product whose price varied, with the
     * constant elasticity its demand was synthesised with, its reference (list) price and how many prices it had.
     */
    static List<String> elasticityTruth(Synthesis s, List<String> productIds) {
        List<String> lines = new ArrayList<>(List.of("product_id,sku,true_elasticity,reference_price,price_levels"));
        s.schedules.forEach((product, schedule) -> lines.add(String.join(",", productIds.get(product),
                s.products.get(product).sku(), String.format(java.util.Locale.ROOT, "%.4f", schedule.elasticity()),
                schedule.reference().toPlainString(), String.valueOf(schedule.levels()))));
        return lines;
    }

    /** Every segment of every price schedule: from (inclusive) and to (exclusive, empty for the last) its price. */
    static List<String> priceSchedules(Synthesis s) {
        List<String> lines = new ArrayList<>(List.of("sku,valid_from,valid_to,price"));
        Instant start = s.end.minus(Synthesis.HISTORY);
        s.schedules.forEach((product, schedule) -> {
            for (int i = 0; i < schedule.prices().size(); i++) {
                lines.add(String.join(",", s.products.get(product).sku(),
                        start.plus(Duration.ofDays(schedule.starts().get(i))).toString(),
                        i + 1 < schedule.starts().size()
                                ? start.plus(Duration.ofDays(schedule.starts().get(i + 1))).toString() : "",
                        schedule.prices().get(i).toPlainString()));
            }
        });
        return lines;
    }

    /**
     * The ground truth, for evaluating a fraud model: every fraud order (label 1, its pattern and episode) and
     * every look-alike (label 0, its kind), each with the chargeback the platform knows of, if any.
     */
    static List<String> fraudLabels(Synthesis s) {
        List<String> lines = new ArrayList<>(List.of("order_id,label,pattern,look_alike,episode,chargeback_at"));
        for (Synthesis.Order o : s.orders) {
            if (o.fraudPattern() == null && o.lookAlike() == null) {
                continue;
            }
            lines.add(String.join(",", o.id().toString(), o.fraudPattern() != null ? "1" : "0",
                    o.fraudPattern() != null ? o.fraudPattern().label : "",
                    o.lookAlike() != null ? o.lookAlike().label : "",
                    o.episode() >= 0 ? String.valueOf(o.episode()) : "",
                    o.chargebackAt() != null ? o.chargebackAt().toString() : ""));
        }
        return lines;
    }

    private List<String> parallel(String step, int count, IntFunction<String> task) {
        Progress progress = new Progress(out, step, count);
        List<String> results = runParallel(count, i -> {
            String result = task.apply(i);
            progress.advance(1);
            return result;
        });
        progress.finish();
        return results;
    }

    /** Runs {@code task} for 0..count-1 on a few threads; results in index order; the first failure aborts. */
    private static List<String> runParallel(int count, IntFunction<String> task) {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> task.apply(index)));
            }
            List<String> results = new ArrayList<>();
            for (Future<String> f : futures) {
                results.add(f.get());
            }
            return results;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new StackException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Whether the product is already kept in the warehouse (a stock level exists there). */
    private boolean stocked(String productId, String warehouseId) {
        PlatformApi.Reply reply = api.catalog("GET", "/products/" + productId + "/stock", null);
        expect(reply, 200, "reading stock");
        for (com.fasterxml.jackson.databind.JsonNode level : reply.body().path("warehouses")) {
            if (warehouseId.equals(level.path("warehouseId").asText())) {
                return true;
            }
        }
        return false;
    }

    private static void expect(PlatformApi.Reply reply, int status, String what) {
        if (reply.status() != status) {
            throw new StackException(what + " failed with " + reply.status() + ": " + reply.text());
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted", e);
        }
    }
}
