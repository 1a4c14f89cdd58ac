package io.eventcommerce.insights.analysis;

import io.eventcommerce.testkit.Deadlines;
import io.eventcommerce.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Starting an analysis, one run per kind at a time, its progress, its summary or its failure, and who may. */
@QuarkusTest
class AnalysisRunsIT {

    private static final String ANALYST = TestTokens.forRoles("analyst");

    private static JsonPath run(String location) {
        return given().auth().oauth2(ANALYST).get(location).then().statusCode(200).extract().jsonPath();
    }

    private static Response start(String token) {
        return given().auth().oauth2(token).post("/analysis/kinds/probe/runs");
    }

    @Test
    void aRunReportsProgressHoldsItsKindAndEndsWithItsSummaryOrItsFailure() {
        ProbeJob.release = new CountDownLatch(1);
        ProbeJob.fail = false;
        Response accepted = start(ANALYST);
        assertThat(accepted.statusCode()).as(accepted.asString()).isEqualTo(202);
        String location = accepted.header("Location");
        assertThat(accepted.<String>path("status")).isEqualTo("RUNNING");
        assertThat(accepted.<String>path("trigger")).isEqualTo("ON_DEMAND");

        await().atMost(Deadlines.ASYNC).until(() -> run(location).getInt("itemsDone") == 1);
        assertThat(run(location).getInt("itemsTotal")).isEqualTo(3);
        Response second = start(ANALYST);
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(second.contentType()).startsWith("application/problem+json");
        // Forcing is an admin's call.
        given().auth().oauth2(ANALYST).queryParam("force", true).post("/analysis/kinds/probe/runs").then()
                .statusCode(403);

        ProbeJob.release.countDown();
        await().atMost(Deadlines.ASYNC).until(() -> !"RUNNING".equals(run(location).getString("status")));
        JsonPath done = run(location);
        assertThat(done.getString("status")).isEqualTo("COMPLETED");
        assertThat(done.getInt("itemsDone")).isEqualTo(3);
        assertThat(done.getInt("summary.answer")).isEqualTo(42);
        assertThat(done.getString("finishedAt")).isNotNull();

        // The kind is free again; a failing run ends FAILED with the reason and frees it too.
        ProbeJob.release = new CountDownLatch(1);
        ProbeJob.fail = true;
        String failing = start(ANALYST).then().statusCode(202).extract().header("Location");
        ProbeJob.release.countDown();
        await().atMost(Deadlines.ASYNC).until(() -> !"RUNNING".equals(run(failing).getString("status")));
        assertThat(run(failing).getString("status")).isEqualTo("FAILED");
        assertThat(run(failing).getString("error")).contains("told to fail");

        JsonPath list = given().auth().oauth2(ANALYST).queryParam("kind", "probe").get("/analysis/runs").then()
                .statusCode(200).extract().jsonPath();
        assertThat(list.getList("items.status")).startsWith("FAILED", "COMPLETED");
        assertThat(given().auth().oauth2(ANALYST).get("/analysis/kinds").then().statusCode(200).extract()
                .jsonPath().getList("kind")).contains("probe");
    }

    @Test
    void unknownKindsAndCallersWithoutTheRoleAreRefused() {
        given().auth().oauth2(ANALYST).post("/analysis/kinds/no-such-thing/runs").then().statusCode(404);
        given().auth().oauth2(ANALYST).post("/analysis/kinds/NOT_A_KIND/runs").then().statusCode(422);
        given().auth().oauth2(TestTokens.forRoles("catalog-manager")).post("/analysis/kinds/probe/runs").then()
                .statusCode(403);
        given().auth().oauth2(TestTokens.forRoles("customer")).get("/analysis/runs").then().statusCode(403);
        given().get("/analysis/runs").then().statusCode(401);
        given().auth().oauth2(ANALYST).get("/analysis/runs/" + java.util.UUID.randomUUID()).then().statusCode(404);
    }
}
