package io.eventcommerce.insights;

import io.eventcommerce.events.DomainEvent;
import io.eventcommerce.events.EventCodec;
import io.eventcommerce.events.EventEnvelope;
import io.eventcommerce.events.Topics;
import io.eventcommerce.events.privacy.DataSubjectAccessRequested;
import io.eventcommerce.events.privacy.DataSubjectErasureRequested;
import io.eventcommerce.events.privacy.PersonalDataErased;
import io.eventcommerce.events.privacy.PersonalDataExported;
import io.eventcommerce.events.catalog.ProductCreated;
import io.eventcommerce.events.orders.CustomerRegistered;
import io.eventcommerce.events.orders.OrderCancelled;
import io.eventcommerce.events.orders.OrderConfirmed;
import io.eventcommerce.events.orders.OrderDelivered;
import io.eventcommerce.events.orders.OrderLine;
import io.eventcommerce.events.orders.OrderPaid;
import io.eventcommerce.events.orders.OrderPlaced;
import io.eventcommerce.events.orders.OrderReturned;
import io.eventcommerce.events.orders.OrderShipped;
import io.eventcommerce.events.orders.PaymentRefunded;
import io.eventcommerce.insights.InsightsFixtures.Item;
import io.eventcommerce.testkit.Deadlines;
import io.eventcommerce.testkit.TestTokens;
import io.eventcommerce.testkit.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * The read models against totals this test computes itself from the events it sends: a handful of orders through
 * their lifecycle (paid and delivered, cancelled after payment and refunded, returned and refunded, pending,
 * cancelled unpaid) over two days that straddle a month, two channels and two countries; a redelivered event changes
 * nothing; a sale whose product event comes later gets its category then; a customer's erasure keeps every total.
 * Its days are in a random past year, so the day, month and category rows are its own; revenue by status is compared
 * as the change this test makes.
 */
@QuarkusTest
class ReadModelIT {

    private static final Random RANDOM = new Random();
    /** The last day of a month of a past year, so the second day opens the next month (a second cohort month). */
    private static final LocalDate D1 = LocalDate.of(1990 + RANDOM.nextInt(30), 1 + RANDOM.nextInt(12), 1)
            .plusMonths(1).minusDays(1);
    private static final LocalDate D2 = D1.plusDays(1);

    private static final JsonPathConfig DECIMALS = new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL);

    /** One order as this test drives it, and what the read models must make of it. */
    private record Scenario(OrderPlaced placed, List<DomainEvent> steps, String status, boolean paid, boolean undone,
                            List<PaymentRefunded> refunds) {
    }

    private final UUID c1 = UUID.randomUUID();
    private final UUID c2 = UUID.randomUUID();
    private final UUID c3 = UUID.randomUUID();
    private final UUID k1 = UUID.randomUUID();
    private final UUID k2 = UUID.randomUUID();
    private final UUID p1 = UUID.randomUUID();
    private final UUID p2 = UUID.randomUUID();
    private final UUID p3 = UUID.randomUUID();
    private final Map<UUID, BigDecimal> costs = new HashMap<>(Map.of(p1, new BigDecimal("4.00"),
            p3, new BigDecimal("1.00")));
    private final Map<UUID, UUID> categories = Map.of(p1, k1, p2, k2, p3, k1);

    @Test
    void everyReadModelEqualsTheTotalsOfTheEventsSentAndARedeliveryChangesNothing() {
        Map<String, BigDecimal[]> statusBefore = statuses();
        List<Scenario> scenarios = scenarios();
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (UUID customer : List.of(c1, c2, c3)) {
            records.add(InsightsFixtures.record(new CustomerRegistered(customer, customer == c2 ? "FR" : "DE",
                    "REGULAR", at(D1.minusDays(40), 8))));
        }
        // p3's product event comes last of all: its sales arrive first.
        records.add(InsightsFixtures.record(InsightsFixtures.product(p1, k1, "10.00", "4.00")));
        records.add(InsightsFixtures.record(InsightsFixtures.product(p2, k2, "25.00", null)));
        ProducerRecord<String, String> redeliveredPaid = null;
        ProducerRecord<String, String> redeliveredRefund = null;
        for (Scenario s : scenarios) {
            ProducerRecord<String, String> placed = InsightsFixtures.record(s.placed());
            records.add(placed);
            for (DomainEvent step : s.steps()) {
                ProducerRecord<String, String> record = InsightsFixtures.record(step);
                records.add(record);
                if (step instanceof OrderPaid && redeliveredPaid == null) {
                    // The same record twice in a row: the consumer's redelivery after a rebalance.
                    records.add(record);
                    redeliveredPaid = record;
                }
            }
            for (PaymentRefunded refund : s.refunds()) {
                ProducerRecord<String, String> record = InsightsFixtures.record(refund);
                records.add(record);
                redeliveredRefund = record;
            }
        }
        InsightsFixtures.send(records);

        await().atMost(Deadlines.ASYNC).untilAsserted(() -> assertReadModels(scenarios, statusBefore));
        JsonPath products = reports().queryParam("size", 100).get("/reports/products").then().statusCode(200)
                .extract().jsonPath().using(DECIMALS);
        assertThat(products.getString("items.find { it.productId == '" + p3 + "' }.categoryId")).isNull();

        // Redelivered once more, after everything: counted as duplicates by the inbox, and nothing moves.
        double paidDuplicates = duplicates("insights-orders", "OrderPaid");
        double refundDuplicates = duplicates("insights-refunds", "PaymentRefunded");
        InsightsFixtures.send(List.of(redeliveredPaid, redeliveredRefund));
        await().atMost(Deadlines.ASYNC).until(() -> duplicates("insights-orders", "OrderPaid") > paidDuplicates
                && duplicates("insights-refunds", "PaymentRefunded") > refundDuplicates);
        assertReadModels(scenarios, statusBefore);

        // The product comes: its sales are reported under its category from then on.
        InsightsFixtures.send(InsightsFixtures.product(p3, k1, "5.00", "1.00"));
        await().atMost(Deadlines.ASYNC).untilAsserted(() -> {
            assertThat(reports().queryParam("size", 100).get("/reports/products").then().statusCode(200)
                    .extract().jsonPath().getString("items.find { it.productId == '" + p3 + "' }.categoryId"))
                    .isEqualTo(k1.toString());
            assertCategories(scenarios, true);
        });

        // A data-subject request for c2: the export holds their rows; the erasure pseudonymises them, and every
        // aggregate keeps its totals while the customer's summary is gone.
        UUID access = UUID.randomUUID();
        request(new DataSubjectAccessRequested(access, c2, Instant.now(), Instant.now().plus(Duration.ofDays(30))));
        PersonalDataExported exported = EventCodec.data(EventCodec.parse(answer(access, "PersonalDataExported")
                .value()), PersonalDataExported.TYPE);
        assertThat(exported.service()).isEqualTo("insights-service");
        assertThat((List<?>) exported.data().get("customerSummary")).hasSize(1);
        assertThat((List<?>) exported.data().get("orders")).hasSize(1);
        assertThat(exported.data()).containsKeys("segment", "lifetimeValue");
        UUID erasure = UUID.randomUUID();
        request(new DataSubjectErasureRequested(erasure, c2, Instant.now(), Instant.now().plus(Duration.ofDays(30))));
        ConsumerRecord<String, String> answer = answer(erasure, "PersonalDataErased");
        PersonalDataErased erased = EventCodec.data(EventCodec.parse(answer.value()), PersonalDataErased.TYPE);
        assertThat(erased.tables()).extracting(PersonalDataErased.Erasure::table, PersonalDataErased.Erasure::action,
                PersonalDataErased.Erasure::rows).containsExactly(
                tuple("customer_summary", PersonalDataErased.PSEUDONYMISED, 1),
                tuple("customer_month", PersonalDataErased.PSEUDONYMISED, 1),
                tuple("order_fact", PersonalDataErased.PSEUDONYMISED, 1),
                // Scores exist only once a customer-value run has scored c2 (none runs in this test).
                tuple("customer_segments", PersonalDataErased.DELETED, 0),
                tuple("customer_lifetime_value", PersonalDataErased.DELETED, 0));
        assertThat(answer.value()).doesNotContain(c2.toString());
        reports().get("/reports/customers/" + c2).then().statusCode(404);
        assertDailySales(scenarios, null, null);
        assertStatuses(scenarios, statusBefore);
        assertCohorts(scenarios);
    }

    private static void request(DomainEvent event) {
        EventEnvelope<?> envelope = EventEnvelope.wrap(event, "compliance-service", Instant.now());
        TopicProbe.send(event.eventType().topic(), envelope.aggregateId(), EventCodec.toJson(envelope),
                Map.of("id", envelope.eventId().toString(), "eventType", envelope.type()));
    }

    private static ConsumerRecord<String, String> answer(UUID requestId, String type) {
        return TopicProbe.await(Topics.COMPLIANCE_PRIVACY_RESPONSE, r -> requestId.toString().equals(r.key())
                && type.equals(TopicProbe.header(r, "eventType")), Deadlines.ASYNC);
    }

    @Test
    void inventoryIsValuedAtCostOrPriceAndClassedByItsShareOfTheValue() {
        UUID warehouse = UUID.randomUUID();
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        UUID unknown = UUID.randomUUID();
        InsightsFixtures.send(InsightsFixtures.product(a, k1, "10.00", "4.00"),
                InsightsFixtures.product(b, k1, "25.00", null), InsightsFixtures.product(c, k2, "5.00", "1.00"),
                InsightsFixtures.stock(a, warehouse, 225_000, 2), InsightsFixtures.stock(a, warehouse, 5, 1),
                InsightsFixtures.stock(b, warehouse, 3_600, 1), InsightsFixtures.stock(c, warehouse, 10_000, 1),
                InsightsFixtures.stock(unknown, warehouse, 50, 1));
        await().atMost(Deadlines.ASYNC).untilAsserted(() -> {
            JsonPath page = given().auth().oauth2(TestTokens.forRoles("catalog-manager"))
                    .queryParam("warehouseId", warehouse).get("/reports/inventory").then().statusCode(200)
                    .extract().jsonPath().using(DECIMALS);
            assertThat(page.getList("items.productId")).containsExactly(a.toString(), b.toString(), c.toString(),
                    unknown.toString());
            // 900,000 + 90,000 + 10,000: the older stock event of a (version 1) does not undo the newer one.
            assertThat(page.getList("items.value", BigDecimal.class)).usingElementComparator(BigDecimal::compareTo)
                    .containsExactly(new BigDecimal("900000"), new BigDecimal("90000"), new BigDecimal("10000"),
                            BigDecimal.ZERO);
            assertThat(page.getList("items.valuedAt")).containsExactly("COST", "PRICE", "COST", "UNKNOWN");
            // The stack holds this test's stock only, so the classes are those of these values.
            assertThat(page.getList("items.abcClass")).containsExactly("A", "B", "C", "C");
        });
        given().auth().oauth2(TestTokens.forRoles("catalog-manager")).queryParam("abcClass", "D")
                .get("/reports/inventory").then().statusCode(422);
    }

    @Test
    void badQueriesAreProblemsAndRolesAreHeld() {
        reports().queryParam("from", "2020-02-02").queryParam("to", "2020-02-01").get("/reports/daily-sales")
                .then().statusCode(422).contentType("application/problem+json");
        reports().queryParam("from", "2020-02-30").get("/reports/daily-sales").then().statusCode(422)
                .contentType("application/problem+json");
        reports().queryParam("from", "2018-01-01").queryParam("to", "2020-02-01").get("/reports/daily-sales")
                .then().statusCode(422);
        reports().queryParam("from", "2020-05").queryParam("to", "2020-01").get("/reports/cohorts")
                .then().statusCode(422).contentType("application/problem+json");
        reports().queryParam("sort", "price").get("/reports/products").then().statusCode(422)
                .contentType("application/problem+json");
        reports().queryParam("page", 10_001).get("/reports/customers").then().statusCode(422)
                .contentType("application/problem+json");
        reports().queryParam("size", 101).get("/reports/products").then().statusCode(422);
        reports().get("/reports/customers/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");

        given().get("/reports/order-status").then().statusCode(401);
        given().auth().oauth2(TestTokens.forRoles("customer")).get("/reports/products").then().statusCode(403);
        given().auth().oauth2(TestTokens.forRoles("catalog-manager")).get("/reports/daily-sales").then()
                .statusCode(403);
        given().auth().oauth2(TestTokens.forRoles("catalog-manager")).get("/reports/categories").then()
                .statusCode(200);
        given().auth().oauth2(TestTokens.forRoles("admin")).get("/reports/order-status").then().statusCode(200);
    }

    private List<Scenario> scenarios() {
        List<Scenario> all = new ArrayList<>();
        OrderPlaced o1 = InsightsFixtures.order(c1, "WEB", "DE", at(D1, 10), "5.00", Item.of(p1, 2, "10.00"),
                Item.of(p2, 1, "25.00"));
        all.add(new Scenario(o1, List.of(confirmed(o1, D1, 10), paid(o1, D1, 10), shipped(o1, D1, 12),
                delivered(o1, D2, 9)), "DELIVERED", true, false, List.of()));
        OrderPlaced o2 = InsightsFixtures.order(c2, "MOBILE", "FR", at(D1, 15), "0", Item.of(p1, 1, "10.00"));
        all.add(new Scenario(o2, List.of(confirmed(o2, D1, 15), paid(o2, D1, 15),
                new OrderCancelled(o2.orderId(), c2, "CUSTOMER", null, "PAID", at(D1, 16))), "CANCELLED", true, true,
                List.of(refund(o2, D1, 16))));
        OrderPlaced o3 = InsightsFixtures.order(c1, "WEB", "DE", at(D2, 9), "0", Item.of(p3, 4, "5.00"));
        all.add(new Scenario(o3, List.of(paid(o3, D2, 9), shipped(o3, D2, 10), delivered(o3, D2, 11),
                new OrderReturned(o3.orderId(), c1, "DAMAGED", true, o3.total(), "EUR", at(D2, 12))), "RETURNED",
                true, true, List.of(refund(o3, D2, 13))));
        OrderPlaced o4 = InsightsFixtures.order(c3, "WEB", "DE", at(D2, 10), "0", Item.of(p2, 2, "25.00"));
        all.add(new Scenario(o4, List.of(), "PENDING", false, false, List.of()));
        OrderPlaced o5 = InsightsFixtures.order(c3, "MOBILE", "FR", at(D2, 11), "0", Item.of(p1, 1, "10.00"));
        all.add(new Scenario(o5, List.of(new OrderCancelled(o5.orderId(), c3, "OUT_OF_STOCK", null, "PENDING",
                at(D2, 11))), "CANCELLED", false, false, List.of()));
        return all;
    }

    private void assertReadModels(List<Scenario> scenarios, Map<String, BigDecimal[]> statusBefore) {
        assertDailySales(scenarios, null, null);
        assertDailySales(scenarios, "WEB", "DE");
        assertStatuses(scenarios, statusBefore);
        assertCustomers(scenarios);
        assertProducts(scenarios);
        assertCategories(scenarios, false);
        assertCohorts(scenarios);
    }

    /** Per day: orders, units, gross, discounts, net of paid orders placed that day; refunds made that day. */
    private void assertDailySales(List<Scenario> scenarios, String channel, String country) {
        Map<LocalDate, BigDecimal[]> expected = new TreeMap<>();
        for (LocalDate day : List.of(D1, D2)) {
            expected.put(day, zeros(6));
        }
        for (Scenario s : scenarios) {
            OrderPlaced o = s.placed();
            if ((channel != null && !channel.equals(o.channel()))
                    || (country != null && !country.equals(o.shippingAddress().country()))) {
                continue;
            }
            if (s.paid()) {
                BigDecimal[] day = expected.get(day(o.placedAt()));
                add(day, BigDecimal.ONE, BigDecimal.valueOf(o.lines().stream().mapToInt(OrderLine::quantity).sum()),
                        o.subtotal(), o.discount(), o.total(), BigDecimal.ZERO);
            }
            for (PaymentRefunded r : s.refunds()) {
                add(expected.get(day(r.refundedAt())), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                        BigDecimal.ZERO, BigDecimal.ZERO, r.amount());
            }
        }
        RequestSpecification request = reports().queryParam("from", D1.toString()).queryParam("to", D2.toString());
        if (channel != null) {
            request.queryParam("channel", channel).queryParam("country", country);
        }
        JsonPath series = request.get("/reports/daily-sales").then().statusCode(200).extract().jsonPath()
                .using(DECIMALS);
        assertThat(series.getList("points.day")).containsExactly(D1.toString(), D2.toString());
        BigDecimal[] total = zeros(6);
        int i = 0;
        for (Map.Entry<LocalDate, BigDecimal[]> e : expected.entrySet()) {
            BigDecimal[] v = e.getValue();
            assertPoint(series, "points[" + i++ + "]", v);
            add(total, v);
        }
        assertPoint(series, "totals", total);
    }

    private static void assertPoint(JsonPath series, String at, BigDecimal[] v) {
        assertThat(series.getLong(at + ".orders")).as(at + " orders").isEqualTo(v[0].longValue());
        assertThat(series.getLong(at + ".units")).as(at + " units").isEqualTo(v[1].longValue());
        assertThat(series.getObject(at + ".gross", BigDecimal.class)).as(at + " gross").isEqualByComparingTo(v[2]);
        assertThat(series.getObject(at + ".discounts", BigDecimal.class)).isEqualByComparingTo(v[3]);
        assertThat(series.getObject(at + ".net", BigDecimal.class)).as(at + " net").isEqualByComparingTo(v[4]);
        assertThat(series.getObject(at + ".refunds", BigDecimal.class)).as(at + " refunds")
                .isEqualByComparingTo(v[5]);
        BigDecimal aov = v[0].signum() == 0 ? BigDecimal.ZERO : v[4].divide(v[0], 2, java.math.RoundingMode.HALF_UP);
        assertThat(series.getObject(at + ".averageOrderValue", BigDecimal.class)).isEqualByComparingTo(aov);
    }

    private void assertStatuses(List<Scenario> scenarios, Map<String, BigDecimal[]> before) {
        Map<String, BigDecimal[]> expected = new TreeMap<>();
        before.forEach((status, v) -> expected.put(status, v.clone()));
        for (Scenario s : scenarios) {
            add(expected.computeIfAbsent(s.status(), k -> zeros(2)), BigDecimal.ONE, s.placed().total());
        }
        Map<String, BigDecimal[]> actual = statuses();
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        expected.forEach((status, v) -> {
            assertThat(actual.get(status)[0]).as(status + " orders").isEqualByComparingTo(v[0]);
            assertThat(actual.get(status)[1]).as(status + " revenue").isEqualByComparingTo(v[1]);
        });
    }

    private void assertCustomers(List<Scenario> scenarios) {
        for (UUID customer : List.of(c1, c2, c3)) {
            List<Scenario> paid = scenarios.stream().filter(s -> s.paid() && s.placed().customerId().equals(customer))
                    .toList();
            JsonPath summary = reports().get("/reports/customers/" + customer).then().statusCode(200).extract()
                    .jsonPath().using(DECIMALS);
            assertThat(summary.getString("country")).isEqualTo(customer == c2 ? "FR" : "DE");
            assertThat(summary.getString("segment")).isEqualTo("REGULAR");
            assertThat(summary.getLong("orders")).isEqualTo(paid.size());
            assertThat(summary.getObject("revenue", BigDecimal.class)).isEqualByComparingTo(paid.stream()
                    .map(s -> s.placed().total()).reduce(BigDecimal.ZERO, BigDecimal::add));
            assertThat(summary.getObject("refunds", BigDecimal.class)).isEqualByComparingTo(scenarios.stream()
                    .filter(s -> s.placed().customerId().equals(customer)).flatMap(s -> s.refunds().stream())
                    .map(PaymentRefunded::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
            String first = paid.stream().map(s -> s.placed().placedAt()).min(Instant::compareTo).map(Instant::toString)
                    .orElse(null);
            String last = paid.stream().map(s -> s.placed().placedAt()).max(Instant::compareTo).map(Instant::toString)
                    .orElse(null);
            assertThat(instant(summary.getString("firstOrderAt"))).isEqualTo(first);
            assertThat(instant(summary.getString("lastOrderAt"))).isEqualTo(last);
        }
    }

    /** Per product: paid units and line revenue, the part returned or cancelled after payment, the margin. */
    private void assertProducts(List<Scenario> scenarios) {
        Map<UUID, BigDecimal[]> expected = productTotals(scenarios);
        JsonPath page = reports().queryParam("size", 100).get("/reports/products").then().statusCode(200)
                .extract().jsonPath().using(DECIMALS);
        expected.forEach((product, v) -> {
            String row = "items.find { it.productId == '" + product + "' }";
            assertThat(page.getLong(row + ".unitsSold")).as(product + " units").isEqualTo(v[0].longValue());
            assertThat(page.getObject(row + ".revenue", BigDecimal.class)).isEqualByComparingTo(v[1]);
            assertThat(page.getLong(row + ".returnedUnits")).isEqualTo(v[2].longValue());
            assertThat(page.getObject(row + ".netRevenue", BigDecimal.class))
                    .isEqualByComparingTo(v[1].subtract(v[3]));
            BigDecimal cost = product.equals(p3) ? null : costs.get(product);
            BigDecimal margin = page.getObject(row + ".margin", BigDecimal.class);
            if (cost == null) {
                assertThat(margin).as(product + " margin").isNull();
            } else {
                assertThat(margin).isEqualByComparingTo(v[1].subtract(v[3])
                        .subtract(cost.multiply(v[0].subtract(v[2]))));
            }
        });
    }

    /** Per category: its products' figures; before p3's event, p3's sales are in the unknown category. */
    private void assertCategories(List<Scenario> scenarios, boolean p3Known) {
        Map<UUID, BigDecimal[]> perCategory = new HashMap<>();
        productTotals(scenarios).forEach((product, v) -> {
            if (product.equals(p3) && !p3Known) {
                return;
            }
            add(perCategory.computeIfAbsent(categories.get(product), k -> zeros(4)), v);
        });
        JsonPath list = reports().get("/reports/categories").then().statusCode(200).extract().jsonPath()
                .using(DECIMALS);
        perCategory.forEach((category, v) -> {
            String row = "find { it.categoryId == '" + category + "' }";
            assertThat(list.getLong(row + ".unitsSold")).as(category + " units").isEqualTo(v[0].longValue());
            assertThat(list.getObject(row + ".revenue", BigDecimal.class)).isEqualByComparingTo(v[1]);
            assertThat(list.getLong(row + ".returnedUnits")).isEqualTo(v[2].longValue());
            assertThat(list.getObject(row + ".netRevenue", BigDecimal.class))
                    .isEqualByComparingTo(v[1].subtract(v[3]));
        });
    }

    /** Cohort = month of the first paid order; active = customers with a paid order placed in the month. */
    private void assertCohorts(List<Scenario> scenarios) {
        Map<UUID, LocalDate> firstMonth = new HashMap<>();
        Map<LocalDate, Map<LocalDate, java.util.Set<UUID>>> active = new TreeMap<>();
        List<Scenario> paid = scenarios.stream().filter(Scenario::paid).toList();
        for (Scenario s : paid) {
            firstMonth.merge(s.placed().customerId(), day(s.placed().placedAt()).withDayOfMonth(1),
                    (x, y) -> x.isBefore(y) ? x : y);
        }
        for (Scenario s : paid) {
            active.computeIfAbsent(firstMonth.get(s.placed().customerId()), k -> new TreeMap<>())
                    .computeIfAbsent(day(s.placed().placedAt()).withDayOfMonth(1), k -> new java.util.HashSet<>())
                    .add(s.placed().customerId());
        }
        JsonPath cohorts = reports().queryParam("from", D1.toString().substring(0, 7))
                .queryParam("to", D2.toString().substring(0, 7)).get("/reports/cohorts").then().statusCode(200)
                .extract().jsonPath().using(DECIMALS);
        assertThat(cohorts.getList("cohort")).containsExactlyElementsOf(active.keySet().stream()
                .map(m -> m.toString().substring(0, 7)).toList());
        active.forEach((cohort, months) -> {
            String row = "find { it.cohort == '" + cohort.toString().substring(0, 7) + "' }";
            long size = firstMonth.values().stream().filter(cohort::equals).count();
            assertThat(cohorts.getLong(row + ".customers")).isEqualTo(size);
            assertThat(cohorts.getList(row + ".months.month")).containsExactlyElementsOf(months.keySet().stream()
                    .map(m -> m.toString().substring(0, 7)).toList());
            assertThat(cohorts.getList(row + ".months.active", Long.class)).containsExactlyElementsOf(
                    months.values().stream().map(set -> (long) set.size()).toList());
        });
    }

    /** units, revenue, returned units, returned revenue per product, from the events. */
    private static Map<UUID, BigDecimal[]> productTotals(List<Scenario> scenarios) {
        Map<UUID, BigDecimal[]> totals = new HashMap<>();
        for (Scenario s : scenarios) {
            if (!s.paid()) {
                continue;
            }
            for (OrderLine line : s.placed().lines()) {
                BigDecimal quantity = BigDecimal.valueOf(line.quantity());
                add(totals.computeIfAbsent(line.productId(), k -> zeros(4)), quantity, line.lineTotal(),
                        s.undone() ? quantity : BigDecimal.ZERO, s.undone() ? line.lineTotal() : BigDecimal.ZERO);
            }
        }
        return totals;
    }

    private Map<String, BigDecimal[]> statuses() {
        JsonPath list = reports().get("/reports/order-status").then().statusCode(200).extract().jsonPath()
                .using(DECIMALS);
        Map<String, BigDecimal[]> totals = new TreeMap<>();
        List<String> names = list.getList("status");
        for (int i = 0; i < names.size(); i++) {
            totals.put(names.get(i), new BigDecimal[] {list.getObject("[" + i + "].orders", BigDecimal.class),
                    list.getObject("[" + i + "].revenue", BigDecimal.class)});
        }
        return totals;
    }

    /** The inbox's count of duplicate deliveries to {@code consumer} of {@code type} (service-kit Inbox). */
    private static double duplicates(String consumer, String type) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Pattern line = Pattern.compile("^eventcommerce_events_consumed_total\\{([^}]*)} ([0-9.Ee+-]+)$",
                Pattern.MULTILINE);
        Matcher m = line.matcher(metrics);
        while (m.find()) {
            String tags = m.group(1);
            if (tags.contains("consumer=\"" + consumer + "\"") && tags.contains("delivery=\"duplicate\"")
                    && tags.contains("type=\"" + type + "\"")) {
                return Double.parseDouble(m.group(2));
            }
        }
        return 0;
    }

    private static RequestSpecification reports() {
        return given().auth().oauth2(TestTokens.forRoles("analyst"));
    }

    private static OrderConfirmed confirmed(OrderPlaced o, LocalDate day, int hour) {
        return new OrderConfirmed(o.orderId(), o.customerId(), o.total(), "EUR", at(day, hour).plusSeconds(60));
    }

    private static OrderPaid paid(OrderPlaced o, LocalDate day, int hour) {
        return new OrderPaid(o.orderId(), o.customerId(), UUID.randomUUID(), o.total(), "EUR",
                at(day, hour).plusSeconds(120));
    }

    private static OrderShipped shipped(OrderPlaced o, LocalDate day, int hour) {
        return new OrderShipped(o.orderId(), o.customerId(), UUID.randomUUID(), "DHL", "T" + o.orderId(),
                at(day, hour));
    }

    private static OrderDelivered delivered(OrderPlaced o, LocalDate day, int hour) {
        return new OrderDelivered(o.orderId(), o.customerId(), UUID.randomUUID(),
                o.lines().stream().map(OrderLine::productId).toList(), at(day, hour));
    }

    private static PaymentRefunded refund(OrderPlaced o, LocalDate day, int hour) {
        return new PaymentRefunded(UUID.randomUUID(), o.orderId(), o.customerId(), o.total(), "EUR", "sim-refund",
                "CUSTOMER_REQUEST", at(day, hour));
    }

    private static Instant at(LocalDate day, int hour) {
        return day.atTime(LocalTime.of(hour, 0)).toInstant(ZoneOffset.UTC);
    }

    private static LocalDate day(Instant at) {
        return at.atOffset(ZoneOffset.UTC).toLocalDate();
    }

    private static String instant(String value) {
        return value == null ? null : Instant.parse(value).toString();
    }

    private static BigDecimal[] zeros(int n) {
        BigDecimal[] values = new BigDecimal[n];
        java.util.Arrays.fill(values, BigDecimal.ZERO);
        return values;
    }

    private static void add(BigDecimal[] into, BigDecimal... values) {
        for (int i = 0; i < values.length; i++) {
            into[i] = into[i].add(values[i]);
        }
    }
}
