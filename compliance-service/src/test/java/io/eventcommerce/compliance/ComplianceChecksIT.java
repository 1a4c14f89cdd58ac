package io.eventcommerce.compliance;

import io.eventcommerce.compliance.checks.service.PersonalDataRetention;
import io.eventcommerce.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.eventcommerce.compliance.ComplianceFixtures.COMPLIANCE;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The compliance checks on the real database: a card number that reached a stored row (here written as root, as a
 * bug or a person with database access would) fails the PCI scan with an alert that names the row and shows only the
 * last four digits, until a later run no longer finds it; client IPs past their retention fail the GDPR check until
 * the purge clears them. Each test asserts on the rows it wrote: the scans read the whole schema, which other tests
 * share.
 */
@QuarkusTest
class ComplianceChecksIT {

    private static final String OFFICER = TestTokens.forRoles("compliance-officer");
    private static final String PAN = "4111111111111111";

    @Inject
    PersonalDataRetention retention;

    @Test
    void aCardNumberInAStoredRowFailsThePciScanWithAMaskedAlertUntilItIsGone() {
        UUID category = UUID.randomUUID();
        COMPLIANCE.update("INSERT INTO high_risk_category (category_id, note, added_by, added_at) VALUES (?, ?, ?, ?)",
                category.toString(), "customer said: card 4111 1111 1111 1111, exp 12/30", "root",
                Timestamp.from(Instant.now()));
        String subject = "compliance.high_risk_category.note [category_id=" + category + "]";

        String body = given().auth().oauth2(OFFICER).post("/compliance/checks/pci-stored-data/runs")
                .then().statusCode(201).body("run.status", equalTo("FAIL"))
                .body("run.trigger", equalTo("ON_DEMAND")).body("run.requestedBy", equalTo("test-compliance-officer"))
                .extract().asString();
        JsonPath run = JsonPath.from(body);
        assertThat(body).doesNotContain(PAN).doesNotContain("4111 1111 1111 1111");
        assertThat(run.getList("evidence.findingsShown.subject", String.class)).contains(subject);
        assertThat(run.getLong("evidence.tables.'compliance.high_risk_category'.rows")).isPositive();
        assertThat(run.getLong("evidence.valuesScanned")).isPositive();

        Map<String, Object> alert = openAlert("pci-stored-data", subject);
        assertThat((String) alert.get("detail")).contains("ending 1111").doesNotContain(PAN);
        String alertId = (String) alert.get("id");
        given().auth().oauth2(OFFICER).contentType("application/json").body(Map.of("comment", "row being cleaned"))
                .post("/compliance/alerts/" + alertId + "/acknowledgement")
                .then().statusCode(200).body("acknowledgedBy", equalTo("test-compliance-officer"))
                .body("state", equalTo("OPEN"));
        given().auth().oauth2(OFFICER).contentType("application/json").body(Map.of("comment", "again"))
                .post("/compliance/alerts/" + alertId + "/acknowledgement")
                .then().statusCode(409).contentType("application/problem+json");

        // Found again by the next run: the same alert, seen twice, not a second one.
        given().auth().oauth2(OFFICER).post("/compliance/checks/pci-stored-data/runs").then().statusCode(201);
        assertThat(openAlert("pci-stored-data", subject)).containsEntry("id", alertId).containsEntry("timesSeen", 2);

        COMPLIANCE.update("DELETE FROM high_risk_category WHERE category_id = ?", category.toString());
        String after = given().auth().oauth2(OFFICER).post("/compliance/checks/pci-stored-data/runs")
                .then().statusCode(201).extract().asString();
        assertThat(JsonPath.from(after).getList("evidence.findingsShown.subject", String.class)).doesNotContain(subject);
        given().auth().oauth2(OFFICER).get("/compliance/alerts/" + alertId).then().statusCode(200)
                .body("state", equalTo("RESOLVED")).body("acknowledgement", equalTo("row being cleaned"));
    }

    @Test
    void clientIpsPastTheirRetentionFailTheGdprCheckUntilThePurgeClearsThem() {
        UUID old = orderFact(Instant.now().minus(Duration.ofDays(400)), "100.64.7.9");
        UUID recent = orderFact(Instant.now().minus(Duration.ofDays(10)), "100.64.7.10");

        given().auth().oauth2(OFFICER).post("/compliance/checks/gdpr-retention/runs").then().statusCode(201)
                .body("run.status", equalTo("FAIL")).body("evidence.retention", equalTo("PT8760H"));

        assertThat(retention.purge()).isPositive();

        assertThat(clientIp(old)).isNull();
        assertThat(COMPLIANCE.query("SELECT ip_country FROM order_fact WHERE order_id = ?", old.toString()).get(0))
                .containsEntry("ip_country", "DE");
        assertThat(clientIp(recent)).isEqualTo("100.64.7.10");
    }

    @Test
    void checksAreListedAndBadRequestsAreRefused() {
        given().auth().oauth2(OFFICER).post("/compliance/checks/gdpr-retention/runs").then().statusCode(201);
        JsonPath checks = given().auth().oauth2(OFFICER).get("/compliance/checks").then().statusCode(200)
                .extract().jsonPath();
        assertThat(checks.getList("name", String.class)).contains("pci-stored-data", "gdpr-retention");
        assertThat(checks.getString("find { it.name == 'gdpr-retention' }.lastRun.status")).isNotNull();

        given().auth().oauth2(OFFICER).post("/compliance/checks/no-such-check/runs")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(OFFICER).post("/compliance/checks/DROP TABLE/runs")
                .then().statusCode(422).contentType("application/problem+json");
        given().auth().oauth2(OFFICER).queryParam("status", "MAYBE").get("/compliance/check-runs")
                .then().statusCode(422).contentType("application/problem+json");
        given().auth().oauth2(OFFICER).queryParam("check", "no-such-check").get("/compliance/alerts")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(OFFICER).get("/compliance/check-runs/" + UUID.randomUUID()).then().statusCode(404);
        given().auth().oauth2(OFFICER).contentType("application/json").body(Map.of())
                .post("/compliance/alerts/" + UUID.randomUUID() + "/acknowledgement").then().statusCode(422);
        given().get("/compliance/checks").then().statusCode(401);
        given().auth().oauth2(TestTokens.customer(UUID.randomUUID())).get("/compliance/checks").then().statusCode(403);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> openAlert(String check, String subject) {
        List<Map<String, Object>> alerts = given().auth().oauth2(OFFICER).queryParam("check", check)
                .queryParam("state", "OPEN").queryParam("size", 100).get("/compliance/alerts")
                .then().statusCode(200).extract().jsonPath().getList("items");
        return alerts.stream().filter(a -> subject.equals(a.get("subject"))).findFirst()
                .orElseThrow(() -> new AssertionError("no open alert for " + subject + " in " + alerts));
    }

    private static UUID orderFact(Instant placedAt, String ip) {
        UUID order = UUID.randomUUID();
        COMPLIANCE.update("""
                        INSERT INTO order_fact (order_id, customer_id, placed_at, total, currency, client_ip, ip_country,
                                                imported, features, recorded_at)
                        VALUES (?, ?, ?, 10.00, 'EUR', ?, 'DE', TRUE, '{}', ?)""",
                order.toString(), UUID.randomUUID().toString(), Timestamp.from(placedAt), ip,
                Timestamp.from(Instant.now()));
        return order;
    }

    private static Object clientIp(UUID order) {
        return COMPLIANCE.query("SELECT client_ip FROM order_fact WHERE order_id = ?", order.toString()).get(0)
                .get("client_ip");
    }
}
