package io.eventcommerce.compliance.audit;

import io.eventcommerce.testkit.Database;
import io.eventcommerce.testkit.Deadlines;
import io.eventcommerce.testkit.TestStack;
import io.eventcommerce.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import static io.eventcommerce.compliance.audit.AuditRoot.count;
import static io.eventcommerce.compliance.audit.AuditRoot.seqs;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Kafka Connect killed (SIGKILL: no offset flush) and started again while rows are written: Debezium resumes from
 * its last flushed offset and delivers some changes a second time, and the trail still holds every change exactly
 * once, gapless and chained.
 */
@QuarkusTest
class AuditConnectCrashIT {

    private static final int CUSTOMERS = 20;
    private static final int UPDATES_EACH = 15;

    @Test
    void everyChangeIsStoredOnceAcrossAConnectCrash() throws Exception {
        AuditTables.create();
        Database orders = Database.of("orders");
        String tag = UUID.randomUUID().toString().substring(0, 8);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            orders.update("/* ec-actor:job%3Acrash-" + tag + ";insert;job */ INSERT INTO customer (id, email,"
                    + " first_name, last_name, segment, country, version, created_at, updated_at) VALUES (?, ?, 'C',"
                    + " 'D', 'REGULAR', 'DE', 1, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))", id, id + "@example.com");
        }
        AtomicInteger written = new AtomicInteger();
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            for (int round = 0; round < UPDATES_EACH; round++) {
                for (String id : ids) {
                    orders.update("/* ec-actor:job%3Acrash-" + tag + ";update;job */ UPDATE customer SET version ="
                            + " version + 1 WHERE id = ?", id);
                    written.incrementAndGet();
                }
            }
        });
        await().atMost(Deadlines.ASYNC).until(() -> written.get() >= CUSTOMERS * UPDATES_EACH / 4);
        TestStack.get().killConnect();
        await().atMost(Deadlines.ASYNC).until(() -> written.get() >= CUSTOMERS * UPDATES_EACH / 2);
        TestStack.get().startConnect();
        writer.get();

        String actor = "job:crash-" + tag;
        long expected = (long) CUSTOMERS * (1 + UPDATES_EACH);
        Deadlines.awaitCount("audit entries of the crash test", expected,
                () -> count("SELECT COUNT(*) FROM compliance_audit.audit_entry WHERE actor = ?", actor));
        for (String id : ids) {
            assertThat(count("SELECT COUNT(*) FROM compliance_audit.audit_entry WHERE entity_key = ?", id))
                    .as("entries of %s", id).isEqualTo(1 + UPDATES_EACH);
            // Each version once: a redelivered change was not stored a second time.
            assertThat(count("SELECT COUNT(DISTINCT after_image) FROM compliance_audit.audit_entry WHERE"
                    + " entity_key = ?", id)).isEqualTo(1 + UPDATES_EACH);
        }
        List<Long> mine = seqs("SELECT seq FROM compliance_audit.audit_entry WHERE actor = ? ORDER BY seq", actor);
        assertThat(mine).hasSize((int) expected).doesNotHaveDuplicates();
        JsonPath report = given().auth().oauth2(TestTokens.forRoles("admin"))
                .queryParam("from", Math.max(1, mine.get(0) - 1)).queryParam("to", mine.get(mine.size() - 1))
                .get("/audit/verify").then().statusCode(200).extract().jsonPath();
        assertThat(report.getBoolean("ok")).as(report.prettify()).isTrue();
        assertThat(report.getLong("entriesChecked")).isGreaterThanOrEqualTo(expected);
    }
}
