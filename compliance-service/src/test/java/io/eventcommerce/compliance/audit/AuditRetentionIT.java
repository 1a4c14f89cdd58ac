package io.eventcommerce.compliance.audit;

import io.eventcommerce.testkit.Database;
import io.eventcommerce.testkit.Deadlines;
import io.eventcommerce.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.eventcommerce.compliance.audit.AuditRoot.awaitEntries;
import static io.eventcommerce.compliance.audit.AuditRoot.count;
import static io.eventcommerce.compliance.audit.AuditRoot.root;
import static io.eventcommerce.compliance.audit.AuditRoot.seqs;
import static io.eventcommerce.compliance.audit.AuditRoot.string;
import static io.eventcommerce.compliance.audit.AuditRoot.update;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Retention and legal holds on the real stack. Waiting 7 years is no option and recorded_at is part of each entry's
 * hashed content, so no entry is moved in time: as root, the test splits the partition holding its own (oldest)
 * entries at a moment right after them, which changes the table's layout and no stored byte; the test profile's
 * retention of a second (application.properties) then has that partition expired, while the current month's, which
 * holds the head, is not. Entries of other tests below the split are purged with it; no other test reads entries it
 * did not create after the fact.
 */
@QuarkusTest
class AuditRetentionIT {

    private static final String OFFICER = TestTokens.forRoles("compliance-officer");
    private static final String ADMIN = TestTokens.forRoles("admin");
    private static final Database ORDERS = Database.of("orders");
    private static final DateTimeFormatter BOUND = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    @BeforeAll
    static void tables() {
        AuditTables.create();
    }

    /** A customer inserted and updated twice: three entries with the subject customer:&lt;id&gt;. */
    private static String customerWithHistory() {
        String id = UUID.randomUUID().toString();
        ORDERS.update("/* ec-actor:user%3Aretention;req-" + id + ";http */ INSERT INTO customer (id, email, first_name,"
                + " last_name, segment, country, version, created_at, updated_at) VALUES (?, ?, 'Ada', 'Lovelace',"
                + " 'REGULAR', 'GB', 1, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))", id, "ada-" + id + "@example.com");
        ORDERS.update("UPDATE customer SET segment = 'VIP', version = 2 WHERE id = ?", id);
        ORDERS.update("UPDATE customer SET country = 'IE', version = 3 WHERE id = ?", id);
        return id;
    }

    private static String holdFor(String subject) {
        String location = given().auth().oauth2(OFFICER).contentType(ContentType.JSON)
                .body(Map.of("caseReference", "CASE-" + subject, "reason", "litigation hold", "subject", subject))
                .post("/audit/legal-holds").then().statusCode(201).contentType(ContentType.JSON)
                .extract().header("Location");
        assertThat(location).contains("/audit/legal-holds/");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /**
     * Splits the partition holding {@code boundary} there (as root): the entries recorded before it go to a
     * partition of their own whose upper bound is {@code boundary}. Returns the last sequence before it.
     */
    private static long splitAt(Instant boundary) throws SQLException {
        LocalDateTime at = LocalDateTime.ofInstant(boundary, ZoneOffset.UTC);
        try (Connection c = root()) {
            String name = month(at);
            String upper = string(c, "SELECT PARTITION_DESCRIPTION FROM information_schema.PARTITIONS WHERE"
                    + " TABLE_SCHEMA = 'compliance_audit' AND TABLE_NAME = 'audit_entry' AND PARTITION_NAME = ?",
                    name);
            assertThat(upper).as("partition " + name).isNotNull();
            // Named to sort just before the month's partition, as the monthly names do.
            YearMonth month = YearMonth.from(at);
            String split = String.format("p%04d%02dz", month.minusMonths(1).getYear(),
                    month.minusMonths(1).getMonthValue());
            update(c, "ALTER TABLE compliance_audit.audit_entry REORGANIZE PARTITION " + name + " INTO (PARTITION "
                    + split + " VALUES LESS THAN ('" + BOUND.format(at) + "'), PARTITION " + name
                    + " VALUES LESS THAN (" + upper + "))");
        }
        return count("SELECT MAX(seq) FROM compliance_audit.audit_entry WHERE recorded_at < ?", at);
    }

    private static String month(LocalDateTime at) {
        return String.format("p%04d%02d", at.getYear(), at.getMonthValue());
    }

    /** Just after the last of these entries was recorded. */
    private static Instant after(List<Long> seqs) {
        List<Object> params = new ArrayList<>(seqs);
        String in = String.join(",", seqs.stream().map(s -> "?").toList());
        try (Connection c = root()) {
            String max = string(c, "SELECT DATE_FORMAT(MAX(recorded_at), '%Y-%m-%d %H:%i:%s.%f') FROM"
                    + " compliance_audit.audit_entry WHERE seq IN (" + in + ")", params.toArray());
            return LocalDateTime.parse(max, BOUND).toInstant(ZoneOffset.UTC).plusNanos(1000);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The test profile's retention is a second: the split partition has expired once its bound is that old. */
    private static void awaitExpired(Instant boundary) {
        await().atMost(Deadlines.ASYNC).until(() -> Instant.now().minusSeconds(2).isAfter(boundary));
    }

    private static JsonPath verifyAll() {
        return given().auth().oauth2(OFFICER).get("/audit/verify").then().statusCode(200).extract().jsonPath();
    }

    private static Map<Long, String> hashes(List<Long> seqs, String table) throws SQLException {
        Map<Long, String> out = new HashMap<>();
        try (Connection c = root()) {
            for (long seq : seqs) {
                out.put(seq, string(c, "SELECT hash FROM compliance_audit." + table + " WHERE seq = ?", seq));
            }
        }
        return out;
    }

    @Test
    void aLegalHoldBlocksThePurgeOfWhatItCoversAndNothingElse() throws SQLException {
        String held = customerWithHistory();
        String other = customerWithHistory();
        List<Long> heldSeqs = awaitEntries("orders", "customer", held, 3);
        List<Long> otherSeqs = awaitEntries("orders", "customer", other, 3);
        Map<Long, String> heldHashes = hashes(heldSeqs, "audit_entry");
        List<Long> mine = new ArrayList<>(heldSeqs);
        mine.addAll(otherSeqs);
        Instant boundary = after(mine);

        String holdId = holdFor("customer:" + held);
        JsonPath hold = given().auth().oauth2(OFFICER).get("/audit/legal-holds/" + holdId).then().statusCode(200)
                .extract().jsonPath();
        assertThat(hold.getBoolean("active")).isTrue();
        assertThat(hold.getString("scope.subject")).isEqualTo("customer:" + held);
        long holdEntry = seqs("SELECT seq FROM compliance_audit.audit_entry WHERE table_name = 'legal_hold' AND"
                + " entity_key = ?", holdId).get(0);
        String holdEntryHash = hashes(List.of(holdEntry), "audit_entry").get(holdEntry);

        long n = splitAt(boundary);
        assertThat(n).isGreaterThanOrEqualTo(mine.stream().mapToLong(Long::longValue).max().orElseThrow())
                .isLessThan(holdEntry);
        String anchor = hashes(List.of(n), "audit_entry").get(n);
        awaitExpired(boundary);

        given().auth().oauth2(OFFICER).post("/audit/purge").then().statusCode(403);
        JsonPath purge = given().auth().oauth2(ADMIN).post("/audit/purge").then().statusCode(200).extract()
                .jsonPath();
        assertThat(purge.getLong("lastSeq")).as(purge.prettify()).isEqualTo(n);
        assertThat(purge.getString("anchorHash")).isEqualTo(anchor);
        assertThat(purge.getList("partitions", String.class)).isNotEmpty();
        assertThat(purge.getLong("heldCount")).isGreaterThanOrEqualTo(3);

        // What the hold covers survives with its hashes; the rest of the partition is gone; newer entries stay.
        assertThat(count("SELECT COUNT(*) FROM compliance_audit.audit_entry WHERE seq <= ?", n)).isZero();
        assertThat(seqs("SELECT seq FROM compliance_audit.audit_entry_held WHERE subject = ? ORDER BY seq",
                "customer:" + held)).containsExactlyElementsOf(heldSeqs);
        assertThat(hashes(heldSeqs, "audit_entry_held")).isEqualTo(heldHashes);
        assertThat(count("SELECT COUNT(*) FROM compliance_audit.audit_entry_held WHERE entity_key = ?", other))
                .isZero();
        JsonPath page = given().auth().oauth2(OFFICER).queryParam("entity", held).queryParam("sort", "SEQUENCE")
                .get("/audit/entries").then().statusCode(200).extract().jsonPath();
        assertThat(page.getList("items.seq", Long.class)).containsExactlyElementsOf(heldSeqs);
        assertThat(page.getList("items.hash", String.class)).containsExactlyElementsOf(heldSeqs.stream()
                .map(heldHashes::get).toList());
        assertThat(page.getString("items[1].after.segment")).isEqualTo("VIP");
        assertThat(given().auth().oauth2(OFFICER).get("/audit/entries/" + heldSeqs.get(0)).then().statusCode(200)
                .extract().jsonPath().getString("hash")).isEqualTo(heldHashes.get(heldSeqs.get(0)));
        assertThat(given().auth().oauth2(OFFICER).queryParam("entity", other).get("/audit/entries").then()
                .statusCode(200).extract().jsonPath().getLong("totalItems")).isZero();
        given().auth().oauth2(OFFICER).get("/audit/entries/" + otherSeqs.get(0)).then().statusCode(404)
                .contentType("application/problem+json");
        assertThat(hashes(List.of(holdEntry), "audit_entry").get(holdEntry)).isEqualTo(holdEntryHash);

        // The purge is an entry of the chain, with its anchor.
        JsonPath entry = given().auth().oauth2(OFFICER).get("/audit/entries/" + purge.getLong("entrySeq")).then()
                .statusCode(200).extract().jsonPath();
        assertThat(entry.getString("table")).isEqualTo("audit_purge");
        assertThat(entry.getString("after.anchor")).isEqualTo(anchor);
        assertThat(entry.getLong("after.lastSeq")).isEqualTo(n);
        assertThat(entry.getLong("after.heldCount")).isEqualTo(purge.getLong("heldCount"));
        assertThat(given().auth().oauth2(OFFICER).queryParam("size", 100).get("/audit/purges").then().statusCode(200)
                .extract().jsonPath().getList("items.id", String.class)).contains(purge.getString("id"));

        // The rest of the chain verifies from the anchor; held entries each against their own hash.
        JsonPath report = verifyAll();
        assertThat(report.getBoolean("ok")).as(report.prettify()).isTrue();
        assertThat(report.getLong("purgedThrough")).isEqualTo(n);
        assertThat(report.getLong("from")).isEqualTo(n + 1);
        assertThat(report.getLong("heldChecked")).isGreaterThanOrEqualTo(3);

        // Nothing more has expired: a second purge does nothing.
        given().auth().oauth2(ADMIN).post("/audit/purge").then().statusCode(204);
        assertThat(count("SELECT COUNT(*) FROM compliance_audit.audit_purge WHERE last_seq > ?", n)).isZero();

        try (Connection lock = root(); Connection c = root()) {
            lock.setAutoCommit(false);
            string(lock, "SELECT last_seq FROM audit_head WHERE id = 1 FOR UPDATE");
            try {
                // A deletion right after the anchor is still a deletion.
                update(c, "CREATE TEMPORARY TABLE kept AS SELECT * FROM compliance_audit.audit_entry WHERE seq = ?",
                        n + 1);
                update(c, "DELETE FROM compliance_audit.audit_entry WHERE seq = ?", n + 1);
                try {
                    JsonPath tampered = verifyAll();
                    assertThat(tampered.getBoolean("ok")).as(tampered.prettify()).isFalse();
                    assertThat(tampered.getString("problem.kind")).isEqualTo("MISSING");
                    assertThat(tampered.getLong("problem.seq")).isEqualTo(n + 1);
                } finally {
                    update(c, "INSERT INTO compliance_audit.audit_entry SELECT * FROM kept");
                    update(c, "DROP TEMPORARY TABLE kept");
                }
                // A held entry changed is named.
                String actor = string(c, "SELECT actor FROM compliance_audit.audit_entry_held WHERE seq = ?",
                        heldSeqs.get(0));
                update(c, "UPDATE compliance_audit.audit_entry_held SET actor = 'user:mallory' WHERE seq = ?",
                        heldSeqs.get(0));
                try {
                    JsonPath tampered = verifyAll();
                    assertThat(tampered.getString("problem.kind")).as(tampered.prettify()).isEqualTo("CHANGED");
                    assertThat(tampered.getLong("problem.seq")).isEqualTo(heldSeqs.get(0));
                } finally {
                    update(c, "UPDATE compliance_audit.audit_entry_held SET actor = ? WHERE seq = ?", actor,
                            heldSeqs.get(0));
                }
            } finally {
                lock.rollback();
            }
        }
        JsonPath restored = verifyAll();
        assertThat(restored.getBoolean("ok")).as(restored.prettify()).isTrue();
    }

    @Test
    void aReleasedHoldNoLongerProtectsAndBadInputChangesNothing() throws SQLException {
        String customer = customerWithHistory();
        List<Long> seqs = awaitEntries("orders", "customer", customer, 3);
        Instant boundary = after(seqs);
        String holdId = holdFor("customer:" + customer);

        JsonPath released = given().auth().oauth2(OFFICER).post("/audit/legal-holds/" + holdId + "/release").then()
                .statusCode(200).extract().jsonPath();
        assertThat(released.getBoolean("active")).isFalse();
        assertThat(released.getString("releasedBy")).startsWith("user:");
        assertThat(released.getString("releasedAt")).isNotBlank();
        given().auth().oauth2(OFFICER).post("/audit/legal-holds/" + holdId + "/release").then().statusCode(409)
                .contentType("application/problem+json");
        assertThat(count("SELECT COUNT(*) FROM compliance_audit.audit_entry WHERE table_name = 'legal_hold' AND"
                + " entity_key = ?", holdId)).isEqualTo(2);
        assertThat(given().auth().oauth2(OFFICER).queryParam("active", false).queryParam("size", 100)
                .get("/audit/legal-holds").then().statusCode(200).extract().jsonPath()
                .getList("items.id", String.class)).contains(holdId);

        String unknown = UUID.randomUUID().toString();
        given().auth().oauth2(OFFICER).get("/audit/legal-holds/" + unknown).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(OFFICER).post("/audit/legal-holds/" + unknown + "/release").then().statusCode(404)
                .contentType("application/problem+json");
        String bad = "BAD-" + customer;
        for (Map<String, Object> body : List.<Map<String, Object>>of(
                Map.of("reason", "no case", "subject", "customer:" + customer),
                Map.of("caseReference", bad, "reason", "no scope"),
                Map.of("caseReference", bad, "reason", "no table", "schema", "orders"),
                Map.of("caseReference", bad, "reason", "no subject", "subject", "nobody"),
                Map.of("caseReference", bad, "reason", "backwards", "committedFrom", "2026-02-01T00:00:00Z",
                        "committedTo", "2026-01-01T00:00:00Z"))) {
            given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body(body).post("/audit/legal-holds").then()
                    .statusCode(422).contentType("application/problem+json");
        }
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body(Map.of("caseReference", bad, "reason",
                "no time", "committedFrom", "yesterday")).post("/audit/legal-holds").then()
                .statusCode(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(400), org.hamcrest.Matchers.is(422)))
                .contentType("application/problem+json");
        assertThat(count("SELECT COUNT(*) FROM compliance.legal_hold WHERE case_reference = ?", bad)).isZero();
        given().auth().oauth2(TestTokens.forRoles("support")).get("/audit/legal-holds").then().statusCode(403);

        long n = splitAt(boundary);
        assertThat(n).isGreaterThanOrEqualTo(seqs.get(2));
        awaitExpired(boundary);
        JsonPath purge = given().auth().oauth2(ADMIN).post("/audit/purge").then().statusCode(200).extract()
                .jsonPath();
        assertThat(purge.getLong("lastSeq")).as(purge.prettify()).isEqualTo(n);
        assertThat(count("SELECT COUNT(*) FROM compliance_audit.audit_entry WHERE entity_key = ?", customer)).isZero();
        assertThat(count("SELECT COUNT(*) FROM compliance_audit.audit_entry_held WHERE entity_key = ?", customer))
                .isZero();
        JsonPath report = verifyAll();
        assertThat(report.getBoolean("ok")).as(report.prettify()).isTrue();
        assertThat(report.getLong("purgedThrough")).isEqualTo(n);
    }

    /** Only the retention user may drop a partition, and it may do nothing else to the trail. */
    @Test
    void onlyTheRetentionUserMayDropPartitionsAndNothingMore() throws SQLException {
        try (Connection c = AuditRoot.asCompliance()) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> update(c, "ALTER TABLE"
                    + " compliance_audit.audit_entry DROP PARTITION pmax")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("denied");
        }
        io.eventcommerce.devstack.PlatformStack stack = io.eventcommerce.testkit.TestStack.get();
        try (Connection c = java.sql.DriverManager.getConnection(stack.jdbcUrl("compliance_audit"),
                "compliance_retention", stack.password("compliance_retention"))) {
            for (String sql : List.of("DELETE FROM compliance_audit.audit_entry WHERE seq = 0",
                    "UPDATE compliance_audit.audit_entry SET actor = 'x' WHERE seq = 0",
                    "DELETE FROM compliance_audit.audit_checkpoint WHERE id = 0",
                    "DROP TABLE compliance_audit.audit_checkpoint",
                    "INSERT INTO compliance_audit.audit_purge (id) VALUES ('x')",
                    "SELECT COUNT(*) FROM compliance.legal_hold")) {
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> {
                    try (java.sql.Statement statement = c.createStatement()) {
                        statement.execute(sql);
                    }
                }).as(sql)
                        .isInstanceOf(SQLException.class).hasMessageContaining("denied");
            }
        }
        assertThat(count("SELECT COUNT(*) FROM information_schema.PARTITIONS WHERE TABLE_SCHEMA = 'compliance_audit'"
                + " AND TABLE_NAME = 'audit_entry' AND PARTITION_NAME = 'pmax'")).isEqualTo(1);
    }
}
