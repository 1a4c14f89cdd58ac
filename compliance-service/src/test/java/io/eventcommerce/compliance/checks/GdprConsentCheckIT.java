package io.eventcommerce.compliance.checks;

import io.eventcommerce.events.Topics;
import io.eventcommerce.events.orders.CustomerConsentChanged;
import io.eventcommerce.events.privacy.ConsentBasedProcessingReported;
import io.eventcommerce.events.privacy.ConsentPurposes;
import io.eventcommerce.servicekit.hash.Sha256;
import io.eventcommerce.testkit.Deadlines;
import io.eventcommerce.testkit.TestTokens;
import io.eventcommerce.testkit.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static io.eventcommerce.compliance.ComplianceFixtures.COMPLIANCE;
import static io.eventcommerce.compliance.ComplianceFixtures.send;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The register of processing purposes, the replica of the customers' consents fed from orders.customer, and the
 * gdpr-consent check: a run asks every service on compliance.privacy-request, compliance-service answers for itself,
 * the test answers as the other services (and as insights-service, the registered processor of marketing e-mail), and
 * the run judges the answers against the replica.
 */
@QuarkusTest
class GdprConsentCheckIT {

    private static final String OFFICER = TestTokens.forRoles("compliance-officer");
    private static final String CHECK = "gdpr-consent";

    private static void consent(UUID customer, boolean granted, Instant at) {
        send(new CustomerConsentChanged(customer, ConsentPurposes.MARKETING_EMAIL, granted, "customer", at));
    }

    private static boolean replicaGranted(UUID customer) {
        return COMPLIANCE.count("SELECT COUNT(*) FROM customer_consent WHERE customer_id = ? AND purpose = ?"
                + " AND granted = TRUE", customer.toString(), ConsentPurposes.MARKETING_EMAIL) == 1;
    }

    /**
     * Runs the check and, while it waits, answers every question it asks as these services (service → purpose →
     * customers); compliance-service answers for itself.
     */
    private static JsonPath runAnsweringAs(Map<String, Map<String, List<UUID>>> answers) {
        Set<String> seen = new HashSet<>(COMPLIANCE.query("SELECT id FROM consent_census").stream()
                .map(r -> r.get("id").toString()).toList());
        CompletableFuture<JsonPath> run = CompletableFuture.supplyAsync(() -> given().auth().oauth2(OFFICER)
                .post("/compliance/checks/" + CHECK + "/runs").then().statusCode(201).extract().jsonPath());
        await().atMost(Deadlines.ASYNC).pollInterval(Duration.ofMillis(200)).until(() -> {
            for (Map<String, Object> row : COMPLIANCE.query("SELECT id FROM consent_census")) {
                String census = row.get("id").toString();
                if (seen.add(census)) {
                    answers.forEach((service, customers) -> send(new ConsentBasedProcessingReported(
                            UUID.fromString(census), service, customers, Instant.now())));
                }
            }
            return run.isDone();
        });
        return run.join();
    }

    @Test
    void theRegisterNamesEveryPurposeAndItsConsentBasedOnesAreThoseOrdersServiceRecords() {
        JsonPath register = given().auth().oauth2(OFFICER).get("/privacy/purposes").then().statusCode(200)
                .extract().jsonPath();
        assertThat(register.getList("code")).contains("order-fulfilment", "fraud-prevention", "audit");
        assertThat(register.getList("findAll { it.lawfulBasis == 'CONSENT' }.code"))
                .containsExactlyInAnyOrderElementsOf(ConsentPurposes.ALL);
        assertThat(register.getString("find { it.code == 'fraud-prevention' }.lawfulBasis"))
                .isEqualTo("LEGITIMATE_INTEREST");
        assertThat(register.getList("find { it.code == 'order-fulfilment' }.processors.service"))
                .containsExactlyInAnyOrder("orders-service", "catalog-service");
        given().auth().oauth2(TestTokens.forRoles("analyst")).get("/privacy/purposes").then().statusCode(403);
    }

    @Test
    void consentChangesReachTheReplicaAndTheNewestWins() {
        UUID customer = UUID.randomUUID();
        Instant t = Instant.now().minus(Duration.ofHours(1));
        consent(customer, true, t.plusSeconds(60));
        await().atMost(Deadlines.ASYNC).until(() -> replicaGranted(customer));
        consent(customer, false, t);
        UUID marker = UUID.randomUUID();
        consent(marker, true, t);
        // The older withdrawal was read before the marker (same topic, sent first) and did not win.
        await().atMost(Deadlines.ASYNC).until(() -> replicaGranted(marker));
        assertThat(replicaGranted(customer)).isTrue();
        consent(customer, false, t.plusSeconds(120));
        await().atMost(Deadlines.ASYNC).until(() -> !replicaGranted(customer));
    }

    @Test
    void aRunPassesWhenEveryoneProcessedConsentedFailsOnOneWhoDidNotAndErrorsWhenAServiceIsSilent() {
        UUID consented = UUID.randomUUID();
        UUID withdrawn = UUID.randomUUID();
        consent(consented, true, Instant.now());
        consent(withdrawn, true, Instant.now().minusSeconds(10));
        consent(withdrawn, false, Instant.now());
        await().atMost(Deadlines.ASYNC).until(() -> replicaGranted(consented) && COMPLIANCE.count(
                "SELECT COUNT(*) FROM customer_consent WHERE customer_id = ? AND granted = FALSE",
                withdrawn.toString()) == 1);

        JsonPath pass = runAnsweringAs(Map.of("orders-service", Map.of(), "catalog-service", Map.of(),
                "insights-service", Map.of(ConsentPurposes.MARKETING_EMAIL, List.of(consented))));
        assertThat(pass.getString("run.status")).as(pass.prettify()).isEqualTo("PASS");
        assertThat(pass.getList("evidence.servicesAnswered")).containsExactly("catalog-service",
                "compliance-service", "insights-service", "orders-service");
        assertThat(pass.getList("evidence.servicesAsked")).containsExactly("catalog-service", "compliance-service",
                "orders-service");
        assertThat(pass.getInt("evidence.customersChecked")).isEqualTo(1);
        String census = pass.getString("evidence.censusId");
        // The question travelled on compliance.privacy-request, about no one; it is forgotten once judged.
        assertThat(TopicProbe.awaitKey(Topics.COMPLIANCE_PRIVACY_REQUEST, census, "ConsentBasedProcessingRequested"))
                .isNotNull();
        // The test's own answers share the census key; compliance-service's answer is the one it names itself in.
        assertThat(TopicProbe.await(Topics.COMPLIANCE_PRIVACY_RESPONSE, r -> census.equals(r.key())
                && r.value().contains("\"service\":\"compliance-service\""), TopicProbe.DEFAULT_TIMEOUT).value())
                .contains("\"type\":\"ConsentBasedProcessingReported\"");
        assertThat(COMPLIANCE.count("SELECT COUNT(*) FROM consent_census WHERE id = ?", census)).isZero();

        JsonPath fail = runAnsweringAs(Map.of("orders-service", Map.of(), "catalog-service", Map.of(),
                "insights-service", Map.of(ConsentPurposes.MARKETING_EMAIL, List.of(consented, withdrawn))));
        assertThat(fail.getString("run.status")).as(fail.prettify()).isEqualTo("FAIL");
        assertThat(fail.getInt("evidence.processedWithoutConsent")).isEqualTo(1);
        String subject = "consent marketing-email insights-service customer " + Sha256.hex(withdrawn.toString());
        assertThat(fail.getList("evidence.findingsShown.subject")).containsExactly(subject);
        assertThat(fail.prettify()).doesNotContain(withdrawn.toString());
        JsonPath alerts = given().auth().oauth2(OFFICER).queryParam("check", CHECK).queryParam("state", "OPEN")
                .queryParam("size", 100).get("/compliance/alerts").then().statusCode(200).extract().jsonPath();
        assertThat(alerts.getList("items.subject")).contains(subject);

        JsonPath silent = runAnsweringAs(Map.of("orders-service", Map.of()));
        assertThat(silent.getString("run.status")).isEqualTo("ERROR");
        assertThat(silent.getString("evidence.error")).contains("catalog-service").contains("answered: "
                + "compliance-service, orders-service");
    }
}
