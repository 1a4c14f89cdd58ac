package io.eventcommerce.compliance.checks;

import io.eventcommerce.events.privacy.PersonalDataErased;
import io.eventcommerce.events.privacy.PersonalDataExported;
import io.eventcommerce.testkit.Deadlines;
import io.eventcommerce.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.eventcommerce.compliance.ComplianceFixtures.COMPLIANCE;
import static io.eventcommerce.compliance.ComplianceFixtures.send;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The GDPR deadline check on the real stack: an erasure request whose deadline has passed (moved into the past as the
 * database root, on the test's own request) while orders-service never answered fails the check, naming the request
 * and the service, with one alert however often it runs, until the answer completes the request; a request every
 * service answered is not named. Assertions are on the test's own requests only.
 */
@QuarkusTest
class DataSubjectRequestDeadlinesIT {

    private static final String OFFICER = TestTokens.forRoles("compliance-officer");
    private static final String CHECK = "gdpr-request-deadlines";

    @Test
    void anErasureNotAnsweredEverywhereByItsDeadlineFailsTheCheckUntilItCompletes() {
        String erasure = open(UUID.randomUUID(), "ERASURE");
        String access = open(UUID.randomUUID(), "ACCESS");
        // compliance-service answers for itself; the test answers as catalog-service, orders-service stays silent.
        awaitService(erasure, "compliance-service", "COMPLETED");
        erased("catalog-service", erasure);
        awaitService(erasure, "catalog-service", "COMPLETED");
        awaitService(access, "compliance-service", "COMPLETED");
        exported("catalog-service", access);
        exported("orders-service", access);
        await().atMost(Deadlines.ASYNC).until(() -> "COMPLETED".equals(get(access).getString("request.status")));
        Timestamp past = Timestamp.from(Instant.now().minus(Duration.ofDays(1)));
        assertThat(COMPLIANCE.update("UPDATE data_subject_request SET deadline = ? WHERE id IN (?, ?)", past,
                erasure, access)).isEqualTo(2);

        JsonPath run = runCheck("FAIL");
        assertThat(run.getList("evidence.overdue.requestId", String.class)).contains(erasure).doesNotContain(access);
        Map<String, Object> named = run.getMap("evidence.overdue.find { it.requestId == '" + erasure + "' }");
        assertThat(named).containsEntry("kind", "ERASURE").containsEntry("missing", List.of("orders-service"))
                .containsEntry("failed", List.of());
        Map<String, Object> alert = alert("data_subject_request " + erasure);
        assertThat((String) alert.get("detail")).contains("ERASURE", erasure, "not answered by orders-service")
                .doesNotContain("catalog-service");
        assertThat(alert).containsEntry("state", "OPEN");
        assertThat(COMPLIANCE.count("SELECT COUNT(*) FROM compliance_alert WHERE check_name = ? AND subject = ?",
                CHECK, "data_subject_request " + access)).isZero();

        // Run again: the same alert, not a second one.
        runCheck("FAIL");
        assertThat(COMPLIANCE.count("SELECT COUNT(*) FROM compliance_alert WHERE check_name = ? AND subject = ?",
                CHECK, "data_subject_request " + erasure)).isEqualTo(1);
        assertThat(alert("data_subject_request " + erasure)).containsEntry("id", alert.get("id"));

        // The late answer completes the request: the next run no longer names it and resolves its alert.
        erased("orders-service", erasure);
        await().atMost(Deadlines.ASYNC).until(() -> "COMPLETED".equals(get(erasure).getString("request.status")));
        JsonPath after = given().auth().oauth2(OFFICER).post("/compliance/checks/" + CHECK + "/runs")
                .then().statusCode(201).extract().jsonPath();
        assertThat(after.getList("evidence.overdue.requestId", String.class)).doesNotContain(erasure);
        given().auth().oauth2(OFFICER).get("/compliance/alerts/" + alert.get("id")).then().statusCode(200)
                .body("state", equalTo("RESOLVED"));
    }

    private static String open(UUID customerId, String type) {
        return given().auth().oauth2(OFFICER).contentType(ContentType.JSON)
                .body(Map.of("customerId", customerId, "type", type, "reason", "customer letter"))
                .post("/privacy/requests").then().statusCode(202).extract().jsonPath().getString("request.id");
    }

    private static JsonPath get(String id) {
        return given().auth().oauth2(OFFICER).get("/privacy/requests/" + id).then().statusCode(200).extract()
                .jsonPath();
    }

    private static void awaitService(String id, String service, String status) {
        await().atMost(Deadlines.ASYNC).until(() -> status.equals(get(id)
                .getString("services.find { it.service == '" + service + "' }.status")));
    }

    private static void erased(String service, String id) {
        send(new PersonalDataErased(UUID.fromString(id), service, List.of(new PersonalDataErased.Erasure("review",
                PersonalDataErased.ANONYMISED, 1)), 12, 0, Instant.now()));
    }

    private static void exported(String service, String id) {
        send(new PersonalDataExported(UUID.fromString(id), service, Map.of("reviews", List.of()), Instant.now()));
    }

    private static JsonPath runCheck(String status) {
        return given().auth().oauth2(OFFICER).post("/compliance/checks/" + CHECK + "/runs")
                .then().statusCode(201).body("run.status", equalTo(status)).extract().jsonPath();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> alert(String subject) {
        String id = (String) COMPLIANCE.query("SELECT id FROM compliance_alert WHERE check_name = ? AND subject = ?",
                CHECK, subject).get(0).get("id");
        return given().auth().oauth2(OFFICER).get("/compliance/alerts/" + id).then().statusCode(200).extract()
                .jsonPath().getMap("");
    }
}
