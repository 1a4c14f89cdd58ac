package io.eventcommerce.compliance;

import io.eventcommerce.compliance.ComplianceFixtures.Shopper;
import io.eventcommerce.events.DomainEvent;
import io.eventcommerce.events.compliance.FraudAssessed;
import io.eventcommerce.events.orders.OrderPlaced;
import io.eventcommerce.testkit.Deadlines;
import io.eventcommerce.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static io.eventcommerce.compliance.ComplianceFixtures.COMPLIANCE;
import static io.eventcommerce.compliance.ComplianceFixtures.assessment;
import static io.eventcommerce.compliance.ComplianceFixtures.ip;
import static io.eventcommerce.compliance.ComplianceFixtures.order;
import static io.eventcommerce.compliance.ComplianceFixtures.registered;
import static io.eventcommerce.compliance.ComplianceFixtures.send;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The fraud model's life, on the real stack and only through events and the API: the rules-only baseline decides
 * while no model is active; a retrain on a labelled history (chargebacks as orders-service publishes them) stores a
 * new version with its hold-out evaluation; in shadow mode the candidate scores beside the baseline and decides
 * nothing; once activated it decides, and the hand-made cases get the decisions and reason codes a reviewer expects.
 *
 * <p>One test, because the active model is the service's one global state: the steps depend on each other in order.
 * The history is synthetic and seeded: three fraud patterns that each carry their own signal (velocity bursts on
 * home cards, country mismatches on new accounts, high-value first orders), long-standing customers, and legitimate
 * look-alikes (new customers' modest first orders, travellers ordering from abroad).
 */
@QuarkusTest
class FraudModelIT {

    private static final String ADMIN = TestTokens.forRoles("admin");
    private static final String OFFICER = TestTokens.forRoles("compliance-officer");
    private static final List<String> HOMES = List.of("DE", "FR", "GB", "NL", "ES");
    private static final List<String> ABROAD = List.of("US", "BR", "IN", "MX", "JP");

    private final Random random = new Random(42);
    private final Instant now = Instant.now();
    private final List<DomainEvent> customers = new ArrayList<>();
    private final List<OrderPlaced> orders = new ArrayList<>();
    private final List<DomainEvent> payments = new ArrayList<>();
    private final List<UUID> customerIds = new ArrayList<>();
    private Shopper regular;

    @Test
    void theBaselineDecidesUntilATrainedVersionIsActivatedAfterItsShadowRun() {
        // Nothing labelled yet: a retrain is refused and changes nothing.
        JsonPath before = models();
        given().auth().oauth2(ADMIN).post("/fraud/models").then().statusCode(409)
                .contentType("application/problem+json");
        assertThat(models().getList("versions")).hasSameSizeAs(before.getList("versions"));
        given().auth().oauth2(OFFICER).post("/fraud/models").then().statusCode(403);

        history();

        // Before any version is active the baseline decides: a burst of orders is held for review.
        assertThat(models().getString("deciding")).isEqualTo("rules-v1");
        FraudAssessed burst = velocityBurst();
        assertThat(burst.modelVersion()).isEqualTo("rules-v1");
        assertThat(burst.decision()).isEqualTo(FraudAssessed.REVIEW);
        assertThat(burst.reasons()).contains("ORDERS_1H");

        // Retrain: a candidate with its evaluation, deciding nothing yet.
        JsonPath trained = given().auth().oauth2(ADMIN).post("/fraud/models").then().statusCode(201)
                .extract().jsonPath();
        int version = trained.getInt("version");
        assertThat(trained.getString("status")).isEqualTo("CANDIDATE");
        assertThat(trained.getInt("fraudExamples")).isGreaterThanOrEqualTo(60);
        assertThat(trained.getInt("examples")).isGreaterThan(500);
        assertThat(trained.getDouble("evaluation.modelWithRules.rocAuc")).as("hold-out ROC-AUC").isGreaterThan(0.85);
        assertThat(trained.getDouble("evaluation.rulesOnly.rocAuc")).isBetween(0.0, 1.0);
        assertThat(trained.getInt("evaluation.testFraud")).isGreaterThanOrEqualTo(10);
        assertThat(trained.getList("model.terms")).isNotEmpty();
        JsonPath stored = given().auth().oauth2(OFFICER).get("/fraud/models/" + version).then().statusCode(200)
                .extract().jsonPath();
        assertThat(stored.getDouble("evaluation.model.rocAuc")).isEqualTo(trained.getDouble("evaluation.model.rocAuc"));
        assertThat(models().getString("deciding")).isEqualTo("rules-v1");

        // Shadow: the candidate scores every order beside the baseline, which still decides.
        given().auth().oauth2(ADMIN).post("/fraud/models/" + version + "/shadow").then().statusCode(200)
                .body("status", org.hamcrest.Matchers.is("SHADOW"));
        FraudAssessed shadowed = countryMismatchOnANewAccount();
        assertThat(shadowed.modelVersion()).isEqualTo("rules-v1");
        Map<String, Object> row = COMPLIANCE.query("SELECT model_version, shadow_model_version, shadow_score, "
                + "shadow_decision FROM fraud_detection WHERE order_id = ?", shadowed.orderId().toString()).get(0);
        assertThat(row.get("model_version")).isEqualTo("rules-v1");
        assertThat(row.get("shadow_model_version")).isEqualTo("v" + version);
        assertThat(row.get("shadow_score")).isNotNull();
        assertThat(row.get("shadow_decision")).isIn("APPROVE", "REVIEW", "REJECT");

        // Activated, the trained version decides the hand-made cases.
        given().auth().oauth2(ADMIN).post("/fraud/models/" + version + "/activation").then().statusCode(200)
                .body("status", org.hamcrest.Matchers.is("ACTIVE"));
        given().auth().oauth2(ADMIN).post("/fraud/models/" + version + "/activation").then().statusCode(409);
        assertThat(models().getString("deciding")).isEqualTo("v" + version);

        FraudAssessed velocity = velocityBurst();
        assertThat(velocity.modelVersion()).isEqualTo("v" + version);
        assertThat(velocity.decision()).as("velocity burst: %s", velocity).isIn("REVIEW", "REJECT");
        // The learned weights spread a burst over the velocity features that move together.
        assertThat(velocity.reasons()).containsAnyOf("ORDERS_1H", "ORDERS_24H", "ORDERS_7D", "AMOUNT_24H",
                "AMOUNT_7D");

        FraudAssessed mismatch = countryMismatchOnANewAccount();
        assertThat(mismatch.decision()).as("country mismatch: %s", mismatch).isIn("REVIEW", "REJECT");
        assertThat(mismatch.reasons()).containsAnyOf("IP_COUNTRY_MISMATCH", "CARD_COUNTRY_MISMATCH",
                "BILLING_SHIPPING_COUNTRY_MISMATCH");

        FraudAssessed highValue = highValueFirstOrder();
        assertThat(highValue.decision()).as("high-value first order: %s", highValue).isIn("REVIEW", "REJECT");
        assertThat(highValue.reasons()).contains("ORDER_TOTAL");

        FraudAssessed usual = usualOrderOfALongStandingCustomer();
        assertThat(usual.decision()).as("usual order: %s", usual).isEqualTo(FraudAssessed.APPROVE);
        assertThat(usual.modelVersion()).isEqualTo("v" + version);

        // The explanation an officer sees: every feature's contribution, and the features themselves.
        JsonPath explained = given().auth().oauth2(OFFICER).get("/fraud/assessments/" + highValue.orderId())
                .then().statusCode(200).extract().jsonPath();
        assertThat(explained.getMap("explanation.contributions")).containsKey("ORDER_TOTAL");
        assertThat(explained.getList("features.code")).contains("ORDER_TOTAL", "FIRST_ORDER");
        assertThat(explained.getString("assessment.modelVersion")).isEqualTo("v" + version);
    }

    private JsonPath models() {
        return given().auth().oauth2(OFFICER).get("/fraud/models").then().statusCode(200).extract().jsonPath();
    }

    /** A customer registered a month ago places four orders within minutes: the fourth is assessed. */
    private FraudAssessed velocityBurst() {
        Shopper s = Shopper.of("DE", random.nextInt(1000));
        send(registered(s, now.minus(Duration.ofDays(30))));
        awaitProfile(s);
        List<OrderPlaced> burst = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            burst.add(order(s, amount(50, 90), 1, ip("DE", i), now.minusSeconds(240 - 60L * i), false));
        }
        for (OrderPlaced o : burst.subList(0, 3)) {
            send(o);
            assessment(o.orderId());
        }
        send(burst.get(3));
        return assessment(burst.get(3).orderId());
    }

    private FraudAssessed countryMismatchOnANewAccount() {
        Shopper s = Shopper.of("FR", random.nextInt(1000)).withCard("BR").shippingTo("US");
        send(registered(s, now.minusSeconds(600)));
        awaitProfile(s);
        OrderPlaced o = order(s, amount(80, 150), 1, ip("IN", 7), now, false);
        send(o);
        return assessment(o.orderId());
    }

    private FraudAssessed highValueFirstOrder() {
        Shopper s = Shopper.of("NL", random.nextInt(1000));
        send(registered(s, now.minusSeconds(900)));
        awaitProfile(s);
        OrderPlaced o = order(s, new BigDecimal("1150.00"), 1, ip("NL", 3), now, false);
        send(o);
        return assessment(o.orderId());
    }

    private FraudAssessed usualOrderOfALongStandingCustomer() {
        OrderPlaced o = order(regular, amount(55, 70), 1, ip(regular.country(), 11), now, false);
        send(o);
        return assessment(o.orderId());
    }

    private void awaitProfile(Shopper s) {
        await().atMost(Deadlines.ASYNC).until(() -> COMPLIANCE.count(
                "SELECT COUNT(*) FROM customer_profile WHERE customer_id = ?", s.id().toString()) == 1);
    }

    /** The labelled history: customers first (account age), then orders in placement order, then payments. */
    private void history() {
        for (int c = 0; c < 60; c++) {
            String home = HOMES.get(c % HOMES.size());
            Shopper s = customer(home, now.minus(Duration.ofDays(500)));
            if (regular == null) {
                regular = s;
            }
            for (int k = 0; k < 8; k++) {
                long daysAgo = 400 - 40L * k - random.nextInt(10);
                legit(order(s, amount(40, 90), 1 + random.nextInt(2), ip(home, c * 10 + k), daysAgo(daysAgo), true));
            }
        }
        // Look-alikes: new customers' modest first orders; travellers ordering from abroad with their home card.
        for (int c = 0; c < 12; c++) {
            String home = HOMES.get(c % HOMES.size());
            long daysAgo = 80 + random.nextInt(320);
            Shopper s = customer(home, daysAgo(daysAgo).minusSeconds(3600));
            legit(order(s, amount(40, 90), 1, ip(home, 500 + c), daysAgo(daysAgo), true));
        }
        for (int c = 0; c < 8; c++) {
            String home = HOMES.get(c % HOMES.size());
            Shopper s = customer(home, now.minus(Duration.ofDays(450)));
            for (int k = 0; k < 3; k++) {
                long daysAgo = 380 - 100L * k - random.nextInt(20);
                String from = k == 2 ? ABROAD.get(c % ABROAD.size()) : home;
                legit(order(s, amount(50, 110), 1, ip(from, 600 + c * 3 + k), daysAgo(daysAgo), true));
            }
        }
        // Velocity bursts: four orders within the hour on a home card, from a month-old account.
        for (int c = 0; c < 10; c++) {
            String home = HOMES.get(c % HOMES.size());
            long daysAgo = 80 + random.nextInt(320);
            Shopper s = customer(home, daysAgo(daysAgo).minus(Duration.ofDays(20 + random.nextInt(40))));
            for (int k = 0; k < 4; k++) {
                fraud(order(s, amount(50, 100), 1, ip(home, 700 + c * 4 + k),
                        daysAgo(daysAgo).plusSeconds(600L * k), true));
            }
        }
        // Country mismatches on new accounts: foreign IP, foreign card, shipped abroad.
        for (int c = 0; c < 15; c++) {
            String home = HOMES.get(c % HOMES.size());
            String abroad = ABROAD.get(c % ABROAD.size());
            long daysAgo = 80 + random.nextInt(320);
            Shopper s = customer(home, daysAgo(daysAgo).minusSeconds(1800)).withCard(abroad).shippingTo(abroad);
            fraud(order(s, amount(80, 160), 1, ip(ABROAD.get((c + 1) % ABROAD.size()), 800 + c), daysAgo(daysAgo),
                    true));
        }
        // High-value first orders on new accounts, everything else at home.
        for (int c = 0; c < 15; c++) {
            String home = HOMES.get(c % HOMES.size());
            long daysAgo = 80 + random.nextInt(320);
            Shopper s = customer(home, daysAgo(daysAgo).minusSeconds(1200));
            fraud(order(s, amount(700, 1300), 1, ip(home, 900 + c), daysAgo(daysAgo), true));
        }

        send(customers.toArray(DomainEvent[]::new));
        await().atMost(Deadlines.ASYNC).until(() -> COMPLIANCE.count("SELECT COUNT(*) FROM customer_profile WHERE "
                + "customer_id IN (" + placeholders(customerIds.size()) + ")", ids()) == customerIds.size());
        orders.sort(Comparator.comparing(OrderPlaced::placedAt));
        send(orders.toArray(DomainEvent[]::new));
        ComplianceFixtures.awaitRecorded(customerIds, orders.size());
        send(payments.toArray(DomainEvent[]::new));
        await().atMost(Deadlines.ASYNC).until(() -> COMPLIANCE.count("SELECT COUNT(*) FROM order_fact o JOIN order_paid p "
                + "ON p.order_id = o.order_id WHERE customer_id IN (" + placeholders(customerIds.size()) + ")", ids()) == orders.size()
                && COMPLIANCE.count("SELECT COUNT(*) FROM fraud_label l JOIN order_fact o ON o.order_id = l.order_id "
                + "WHERE l.fraud AND o.customer_id IN (" + placeholders(customerIds.size()) + ")", ids()) == 70);
    }

    private Shopper customer(String home, Instant registeredAt) {
        Shopper s = Shopper.of(home, customers.size());
        customers.add(registered(s, registeredAt));
        customerIds.add(s.id());
        return s;
    }

    private void legit(OrderPlaced o) {
        orders.add(o);
        payments.add(ComplianceFixtures.captured(o, o.placedAt().plusSeconds(60)));
    }

    private void fraud(OrderPlaced o) {
        legit(o);
        payments.add(ComplianceFixtures.chargeback(o, o.placedAt().plus(Duration.ofDays(30))));
    }

    private Instant daysAgo(long days) {
        return now.minus(Duration.ofDays(days)).minusSeconds(random.nextInt(36_000));
    }

    private BigDecimal amount(int from, int to) {
        return BigDecimal.valueOf(from * 100L + random.nextInt((to - from) * 100), 2);
    }

    private Object[] ids() {
        return customerIds.stream().map(UUID::toString).toArray();
    }

    private static String placeholders(int n) {
        return String.join(",", java.util.Collections.nCopies(n, "?"));
    }
}
