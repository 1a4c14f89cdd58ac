package io.eventcommerce.compliance.audit;

import io.eventcommerce.compliance.audit.model.AuditContent;
import io.eventcommerce.compliance.audit.service.AuditSubjectKeys;
import io.eventcommerce.testkit.Database;
import io.eventcommerce.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.eventcommerce.compliance.audit.AuditRoot.awaitEntries;
import static io.eventcommerce.compliance.audit.AuditRoot.content;
import static io.eventcommerce.compliance.audit.AuditRoot.count;
import static io.eventcommerce.compliance.audit.AuditRoot.root;
import static io.eventcommerce.compliance.audit.AuditRoot.string;
import static io.eventcommerce.compliance.audit.AuditRoot.update;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The audit trail on the real stack: rows changed in orders' and catalog's schemas (as root, with and without an
 * ec-actor comment) become entries, stored once, gapless and chained; tampering done as root is named by verify at
 * its exact sequence; a recomputed chain is caught by a signed checkpoint; shredding a customer's key leaves the
 * chain verifiable and the fields unreadable; compliance's own database user cannot rewrite entries.
 */
@QuarkusTest
class AuditTrailIT {

    private static final String OFFICER = TestTokens.forRoles("compliance-officer");
    private static final Database ORDERS = Database.of("orders");

    @Inject
    AuditSubjectKeys subjectKeys;

    @Inject
    io.eventcommerce.compliance.audit.service.AuditPartitions partitions;

    @BeforeAll
    static void tables() {
        AuditTables.create();
    }

    private static String actor(String who, String request) {
        return "/* ec-actor:" + who + ";" + request + ";http */ ";
    }

    /** A customer inserted with an actor comment, then updated twice: once with, once without one. */
    private static String customerWithHistory(String who) {
        String id = UUID.randomUUID().toString();
        ORDERS.update(actor(who, "req-" + id) + "INSERT INTO customer (id, email, first_name, last_name, segment,"
                + " country, version, created_at, updated_at) VALUES (?, ?, 'Ada', 'Lovelace', 'REGULAR', 'GB', 1,"
                + " UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))", id, "ada-" + id + "@example.com");
        ORDERS.update(actor(who, "req2-" + id) + "UPDATE customer SET segment = 'VIP', version = 2 WHERE id = ?", id);
        ORDERS.update("UPDATE customer SET country = 'IE', version = 3 WHERE id = ?", id);
        return id;
    }

    private static JsonPath verify(long from, long to) {
        return given().auth().oauth2(OFFICER).queryParam("from", from).queryParam("to", to).get("/audit/verify")
                .then().statusCode(200).extract().jsonPath();
    }

    private static void assertProblem(JsonPath report, long seq, String kind) {
        assertThat(report.getBoolean("ok")).as(report.prettify()).isFalse();
        assertThat(report.getString("problem.kind")).as(report.prettify()).isEqualTo(kind);
        assertThat(report.getLong("problem.seq")).as(report.prettify()).isEqualTo(seq);
    }

    private static void assertOk(long from, long to) {
        JsonPath report = verify(from, to);
        assertThat(report.getBoolean("ok")).as(report.prettify()).isTrue();
        assertThat(report.getLong("entriesChecked")).isEqualTo(to - from + 1);
    }

    @Test
    void changesBecomeChainedEntriesWithTheirActorOrUnknown() {
        String id = customerWithHistory("user%3Aalice");
        List<Long> seqs = awaitEntries("orders", "customer", id, 3);
        assertThat(seqs).hasSize(3);

        JsonPath page = given().auth().oauth2(OFFICER).queryParam("table", "customer").queryParam("entity", id)
                .queryParam("sort", "SEQUENCE").get("/audit/entries").then().statusCode(200).extract().jsonPath();
        assertThat(page.getList("items.op")).containsExactly("c", "u", "u");
        assertThat(page.getList("items.actor")).containsExactly("user:alice", "user:alice", "unknown");
        assertThat(page.getList("items.request")).containsExactly("req-" + id, "req2-" + id, "");
        assertThat(page.getList("items.changedColumns[1]", String.class)).containsExactly("segment", "version");
        assertThat(page.getString("items[1].before.segment")).isEqualTo("REGULAR");
        assertThat(page.getString("items[1].after.segment")).isEqualTo("VIP");
        assertThat(page.getString("items[0].subject")).isEqualTo("customer:" + id);
        // Personal data: the connector's hash token, never the value (also not in the stored row).
        assertThat(page.getString("items[0].after.email")).matches("[0-9a-f]{64}");
        assertThat(count("SELECT COUNT(*) FROM compliance_audit.audit_entry WHERE entity_key = ? AND (after_image"
                + " LIKE '%Lovelace%' OR after_image LIKE '%example.com%' OR after_image LIKE ?)", id,
                "%" + page.getString("items[0].after.email") + "%")).isZero();
        assertThat(page.getList("items.seq", Long.class)).containsExactlyElementsOf(seqs);
        // Newest first by default; the actor filter.
        assertThat(given().auth().oauth2(OFFICER).queryParam("actor", "user:alice").queryParam("entity", id)
                .get("/audit/entries").then().statusCode(200).extract().jsonPath().getList("items.seq", Long.class))
                .containsExactly(seqs.get(1), seqs.get(0));
        assertThat(given().auth().oauth2(OFFICER).get("/audit/entries/" + seqs.get(2)).then().statusCode(200)
                .extract().jsonPath().getString("actor")).isEqualTo("unknown");
        assertOk(seqs.get(0) - 1 < 1 ? 1 : seqs.get(0) - 1, seqs.get(2));
    }

    @Test
    void aStaffReadOfPersonalDataIsAnEntryAndItsDeleteIsNot() throws SQLException {
        String customer = UUID.randomUUID().toString();
        String read = UUID.randomUUID().toString();
        try (Connection c = java.sql.DriverManager.getConnection(io.eventcommerce.testkit.TestStack.get()
                .jdbcUrl("orders"), "root", io.eventcommerce.testkit.TestStack.get().rootPassword())) {
            // As servicekit PersonalDataReads writes it: insert and delete in the reading request's transaction.
            c.setAutoCommit(false);
            update(c, actor("user%3Asupport-sam", "read-" + read) + "INSERT INTO personal_data_read (id, subject_type,"
                    + " subject_id, resource, fields, read_at) VALUES (?, 'customer', ?, 'customer', 'email,name',"
                    + " UTC_TIMESTAMP(6))", read, customer);
            update(c, actor("user%3Asupport-sam", "read-" + read) + "DELETE FROM personal_data_read WHERE id = ?",
                    read);
            c.commit();
        }
        long seq = awaitEntries("orders", "personal_data_read", read, 1).get(0);
        JsonPath entry = given().auth().oauth2(OFFICER).get("/audit/entries/" + seq).then().statusCode(200).extract()
                .jsonPath();
        assertThat(entry.getString("op")).isEqualTo("c");
        assertThat(entry.getString("actor")).isEqualTo("user:support-sam");
        assertThat(entry.getString("subject")).isEqualTo("customer:" + customer);
        assertThat(entry.getString("after.fields")).isEqualTo("email,name");
        // A later read on the same topic (one partition, in binlog order) is stored only after the delete was read.
        String marker = UUID.randomUUID().toString();
        ORDERS.update("INSERT INTO personal_data_read (id, subject_type, subject_id, resource, fields, read_at) VALUES"
                + " (?, 'customer', ?, 'customer', 'email', UTC_TIMESTAMP(6))", marker, customer);
        awaitEntries("orders", "personal_data_read", marker, 1);
        assertThat(count("SELECT COUNT(*) FROM compliance_audit.audit_entry WHERE entity_key = ?", read)).isEqualTo(1);
    }

    /**
     * A statement whose rows fill several binlog rows events (about 120 rows of this table each): Debezium repeats
     * source.pos and source.row across those events, so only the transaction's id and order tell the rows apart.
     */
    @Test
    void everyRowOfALargeStatementIsAnEntry() {
        String warehouse = UUID.randomUUID().toString();
        StringBuilder sql = new StringBuilder(actor("job%3Aimport", "large-" + warehouse) + "INSERT INTO stock_level"
                + " (warehouse_id, product_id, on_hand, reserved, version) VALUES ");
        for (int i = 0; i < 600; i++) {
            sql.append(i == 0 ? "" : ",").append("('").append(warehouse).append("','").append(UUID.randomUUID())
                    .append("',1,0,1)");
        }
        Database.of("catalog").update(sql.toString());
        io.eventcommerce.testkit.Deadlines.awaitCount("entries of the 600-row statement", 600, () -> count(
                "SELECT COUNT(*) FROM compliance_audit.audit_entry WHERE entity_key LIKE ?", warehouse + "/%"));
        assertThat(count("SELECT COUNT(*) FROM compliance_audit.audit_entry WHERE entity_key LIKE ?",
                warehouse + "/%")).isEqualTo(600);
        assertThat(count("SELECT COUNT(DISTINCT binlog_pos, row_index) FROM compliance_audit.audit_entry WHERE"
                + " entity_key LIKE ?", warehouse + "/%")).as("(pos, row) repeat within the statement")
                .isLessThan(600);
        assertThat(count("SELECT entry_count FROM bulk_operation_audit WHERE request_id = ?", "large-" + warehouse))
                .isEqualTo(600);
    }

    @Test
    void theRowsOfOneStatementShareABulkGroup() {
        String warehouse = UUID.randomUUID().toString();
        Database catalog = Database.of("catalog");
        for (int i = 0; i < 5; i++) {
            catalog.update("INSERT INTO stock_level (warehouse_id, product_id, on_hand, reserved, version) VALUES"
                    + " (?, ?, 10, 0, 1)", warehouse, UUID.randomUUID().toString());
        }
        catalog.update(actor("job%3Arestock", "bulk-" + warehouse) + "UPDATE stock_level SET on_hand = on_hand + 5,"
                + " version = version + 1 WHERE warehouse_id = ?", warehouse);
        await(() -> count("SELECT COUNT(*) FROM compliance_audit.audit_entry WHERE table_name = 'stock_level' AND"
                + " entity_key LIKE ? AND op = 'u'", warehouse + "/%") == 5);
        List<Map<String, Object>> groups = Database.of("compliance").query("SELECT bulk_group, entry_count, actor,"
                + " request_id FROM bulk_operation_audit WHERE request_id = ?", "bulk-" + warehouse);
        assertThat(groups).hasSize(1);
        assertThat(((Number) groups.get(0).get("entry_count")).intValue()).isEqualTo(5);
        assertThat(groups.get(0).get("actor")).isEqualTo("job:restock");
        assertThat(count("SELECT COUNT(DISTINCT bulk_group) FROM compliance_audit.audit_entry WHERE entity_key LIKE ?"
                + " AND op = 'u'", warehouse + "/%")).isEqualTo(1);
    }

    @Test
    void tamperingAsRootIsNamedAtItsSequence() throws SQLException {
        String id = customerWithHistory("user%3Abob");
        List<Long> seqs = awaitEntries("orders", "customer", id, 3);
        long first = seqs.get(0);
        long last = seqs.get(2);
        // The test's own entries must be consecutive (nothing else writes audited tables meanwhile).
        assertThat(seqs).containsExactly(first, first + 1, first + 2);
        long from = Math.max(1, first - 1);
        assertOk(from, last);

        try (Connection c = root()) {
            // Change one entry's content.
            String original = string(c, "SELECT after_image FROM compliance_audit.audit_entry WHERE seq = ?",
                    first + 1);
            update(c, "UPDATE compliance_audit.audit_entry SET after_image = REPLACE(after_image, 'VIP', 'STAFF')"
                    + " WHERE seq = ?", first + 1);
            try {
                assertProblem(verify(from, last), first + 1, "CHANGED");
            } finally {
                update(c, "UPDATE compliance_audit.audit_entry SET after_image = ? WHERE seq = ?", original,
                        first + 1);
            }
            assertOk(from, last);

            // Delete one.
            update(c, "CREATE TEMPORARY TABLE kept AS SELECT * FROM compliance_audit.audit_entry WHERE seq = ?",
                    first + 1);
            update(c, "DELETE FROM compliance_audit.audit_entry WHERE seq = ?", first + 1);
            try {
                assertProblem(verify(from, last), first + 1, "MISSING");
            } finally {
                update(c, "INSERT INTO compliance_audit.audit_entry SELECT * FROM kept");
                update(c, "DROP TEMPORARY TABLE kept");
            }
            assertOk(from, last);

            // Swap two.
            update(c, "UPDATE compliance_audit.audit_entry SET seq = -seq WHERE seq IN (?, ?)", first, first + 1);
            update(c, "UPDATE compliance_audit.audit_entry SET seq = CASE seq WHEN ? THEN ? ELSE ? END WHERE seq IN"
                    + " (?, ?)", -first, first + 1, first, -first, -(first + 1));
            try {
                assertProblem(verify(from, last), first, "OUT_OF_ORDER");
            } finally {
                update(c, "UPDATE compliance_audit.audit_entry SET seq = -seq WHERE seq IN (?, ?)", first, first + 1);
                update(c, "UPDATE compliance_audit.audit_entry SET seq = CASE seq WHEN ? THEN ? ELSE ? END WHERE"
                        + " seq IN (?, ?)", -first, first + 1, first, -first, -(first + 1));
            }
            assertOk(from, last);
        }

        // Insert one: the chain is held still (its head row locked, as the appender locks it) while entries after
        // the test's first move up by one and a forged entry, hashed consistently but linked to nothing, takes
        // the free place.
        try (Connection lock = root(); Connection c = root()) {
            lock.setAutoCommit(false);
            string(lock, "SELECT last_seq FROM audit_head WHERE id = 1 FOR UPDATE");
            update(c, "UPDATE compliance_audit.audit_entry SET seq = seq + 1 WHERE seq > ? ORDER BY seq DESC",
                    first);
            AuditContent copy = content(c, first);
            AuditContent forged = new AuditContent(first + 1, copy.recordedAt(), copy.schema(), copy.table(),
                    copy.op(), copy.entity(), copy.subject(), copy.before(), copy.after(), copy.changed(), "forger",
                    copy.request(), copy.via(), copy.committedAt(), copy.bulkGroup(), copy.eventOrder(),
                    copy.sourceServer(),
                    copy.binlogFile(), copy.binlogPos(), copy.row());
            String forgedPrev = "f".repeat(64);
            update(c, "INSERT INTO compliance_audit.audit_entry SELECT ?, recorded_at, ?, schema_name, table_name, op,"
                    + " entity_key, subject, before_image, after_image, changed_columns, 'forger', request_id, via,"
                    + " committed_at, bulk_group, event_order, source_server, binlog_file, binlog_pos, row_index, ?, ?"
                    + " FROM"
                    + " compliance_audit.audit_entry WHERE seq = ?", first + 1, first + 1, forgedPrev,
                    forged.hash(forgedPrev), first);
            try {
                assertProblem(verify(from, last + 1), first + 1, "INSERTED");
            } finally {
                update(c, "DELETE FROM compliance_audit.audit_entry WHERE seq = ?", first + 1);
                update(c, "UPDATE compliance_audit.audit_entry SET seq = seq - 1 WHERE seq > ? ORDER BY seq",
                        first + 1);
                lock.rollback();
            }
        }
        assertOk(from, last);
    }

    @Test
    void aRecomputedChainIsCaughtByASignedCheckpoint() throws SQLException {
        String id = customerWithHistory("user%3Acarol");
        List<Long> seqs = awaitEntries("orders", "customer", id, 3);
        long first = seqs.get(0);
        JsonPath checkpoint = given().auth().oauth2(OFFICER).post("/audit/checkpoints").then().statusCode(201)
                .extract().jsonPath();
        long signed = checkpoint.getLong("seq");
        assertThat(signed).isGreaterThanOrEqualTo(seqs.get(2));
        JsonPath export = given().auth().oauth2(OFFICER).get("/audit/checkpoints").then().statusCode(200).extract()
                .jsonPath();
        assertThat(export.getString("algorithm")).isEqualTo("Ed25519");
        assertThat(export.getString("publicKey")).isNotBlank();
        assertThat(export.getList("checkpoints.items.seq", Long.class)).contains(signed);
        assertOffline(export);
        assertOk(first, signed);

        try (Connection lock = root(); Connection c = root()) {
            lock.setAutoCommit(false);
            string(lock, "SELECT last_seq FROM audit_head WHERE id = 1 FOR UPDATE");
            long head = Long.parseLong(string(c, "SELECT last_seq FROM audit_head WHERE id = 1"));
            update(c, "CREATE TEMPORARY TABLE kept AS SELECT seq, actor, prev_hash, hash FROM"
                    + " compliance_audit.audit_entry WHERE seq BETWEEN ? AND ?", first, head);
            try {
                // Rewrite from the test's first entry on: another actor, every hash recomputed and linked again.
                String prev = string(c, "SELECT hash FROM compliance_audit.audit_entry WHERE seq = ?", first - 1);
                prev = prev == null ? AuditContent.GENESIS : prev;
                update(c, "UPDATE compliance_audit.audit_entry SET actor = 'user:mallory' WHERE seq = ?", first);
                for (long seq = first; seq <= head; seq++) {
                    String hash = content(c, seq).hash(prev);
                    update(c, "UPDATE compliance_audit.audit_entry SET prev_hash = ?, hash = ? WHERE seq = ?", prev,
                            hash, seq);
                    prev = hash;
                }
                JsonPath report = verify(first, head);
                assertProblem(report, signed, "REWRITTEN");
                assertThat(report.getLong("entriesChecked")).isEqualTo(signed - first + 1);
            } finally {
                update(c, "UPDATE compliance_audit.audit_entry e JOIN kept k ON k.seq = e.seq SET e.actor = k.actor,"
                        + " e.prev_hash = k.prev_hash, e.hash = k.hash");
                update(c, "DROP TEMPORARY TABLE kept");
                lock.rollback();
            }
        }
        assertOk(first, signed);
    }

    /** What an auditor does with the export alone: each checkpoint's signature checks with the published key. */
    private static void assertOffline(JsonPath export) {
        try {
            var key = java.security.KeyFactory.getInstance("Ed25519").generatePublic(
                    new java.security.spec.X509EncodedKeySpec(java.util.Base64.getDecoder()
                            .decode(export.getString("publicKey"))));
            List<Map<String, Object>> items = export.getList("checkpoints.items");
            assertThat(items).isNotEmpty();
            for (Map<String, Object> cp : items) {
                var verifier = java.security.Signature.getInstance("Ed25519");
                verifier.initVerify(key);
                String text = "ec-audit-checkpoint:" + cp.get("seq") + ":" + cp.get("hash") + ":" + cp.get("takenAt");
                assertThat(text).isEqualTo(cp.get("signedText"));
                verifier.update(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                assertThat(verifier.verify(java.util.Base64.getDecoder().decode((String) cp.get("signature"))))
                        .as("signature of checkpoint %s", cp.get("seq")).isTrue();
            }
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void shreddingACustomersKeyLeavesTheChainVerifiableAndTheFieldsUnreadable() {
        String id = customerWithHistory("user%3Adave");
        ORDERS.update(actor("user%3Adave", "addr-" + id) + "INSERT INTO customer_address (id, customer_id, name,"
                + " line1, city, postal_code, country) VALUES (?, ?, 'Dave Doe', '1 Main St', 'Cork', 'T12', 'IE')",
                UUID.randomUUID().toString(), id);
        List<Long> seqs = awaitEntries("orders", "customer", id, 3);
        String before = given().auth().oauth2(OFFICER).get("/audit/entries/" + seqs.get(0)).then().statusCode(200)
                .extract().jsonPath().getString("after.email");
        assertThat(before).matches("[0-9a-f]{64}");
        assertThat(count("SELECT COUNT(*) FROM compliance_audit.audit_entry WHERE seq = ? AND after_image LIKE"
                + " '%\"email\":\"enc:%'", seqs.get(0))).isEqualTo(1);

        assertThat(subjectKeys.shred(id)).isTrue();

        JsonPath after = given().auth().oauth2(OFFICER).get("/audit/entries/" + seqs.get(0)).then().statusCode(200)
                .extract().jsonPath();
        assertThat(after.getString("after.email")).isNull();
        assertThat(after.getList("shreddedFields")).contains("email", "first_name", "last_name");
        assertThat(after.getString("after.segment")).isEqualTo("REGULAR");
        assertThat(count("SELECT COUNT(*) FROM compliance.audit_subject_key WHERE subject = ? AND key_material IS"
                + " NULL", "customer:" + id)).isEqualTo(1);
        // The ciphertext stays, so every hash still holds.
        assertThat(count("SELECT COUNT(*) FROM compliance_audit.audit_entry WHERE seq = ? AND after_image LIKE"
                + " '%\"email\":\"enc:%'", seqs.get(0))).isEqualTo(1);
        assertOk(seqs.get(0), seqs.get(2));
        assertThat(subjectKeys.shred(id)).isFalse();
    }

    @Test
    void complianceItselfCannotUpdateOrDeleteEntries() throws SQLException {
        String id = customerWithHistory("user%3Aerin");
        long seq = awaitEntries("orders", "customer", id, 3).get(0);
        try (Connection c = AuditRoot.asCompliance()) {
            assertThat(string(c, "SELECT actor FROM compliance_audit.audit_entry WHERE seq = ?", seq))
                    .isEqualTo("user:erin");
            assertThatThrownBy(() -> update(c, "UPDATE compliance_audit.audit_entry SET actor = 'x' WHERE seq = ?",
                    seq)).isInstanceOf(SQLException.class).hasMessageContaining("UPDATE command denied");
            assertThatThrownBy(() -> update(c, "DELETE FROM compliance_audit.audit_entry WHERE seq = ?", seq))
                    .isInstanceOf(SQLException.class).hasMessageContaining("DELETE command denied");
            assertThatThrownBy(() -> update(c, "DELETE FROM compliance_audit.audit_source_position WHERE seq = ?",
                    seq)).isInstanceOf(SQLException.class).hasMessageContaining("DELETE command denied");
        }
        assertThat(count("SELECT COUNT(*) FROM compliance_audit.audit_entry WHERE seq = ? AND actor = 'user:erin'",
                seq)).isEqualTo(1);
    }

    @Test
    void monthlyPartitionsStayAYearAheadAndCompliancesUserCanAddThem() {
        java.time.YearMonth ahead = java.time.YearMonth.now(java.time.ZoneOffset.UTC).plusMonths(12);
        String name = String.format("p%04d%02d", ahead.getYear(), ahead.getMonthValue());
        // At start-up the service (as compliance, with ALTER only) split pmax up to a year ahead.
        assertThat(partitions.months()).contains(name).isSorted();
        java.time.YearMonth further = ahead.plusMonths(2);
        partitions.ensureThrough(further);
        assertThat(partitions.months()).contains(String.format("p%04d%02d", further.getYear(),
                further.getMonthValue()));
    }

    @Test
    void badInputIsAProblemAndOthersAreRefused() {
        given().auth().oauth2(OFFICER).queryParam("from", 5).queryParam("to", 2).get("/audit/verify").then()
                .statusCode(422).contentType("application/problem+json");
        given().auth().oauth2(OFFICER).queryParam("from", 0).get("/audit/verify").then().statusCode(422)
                .contentType("application/problem+json");
        given().auth().oauth2(OFFICER).queryParam("from", "yesterday").get("/audit/entries").then().statusCode(422)
                .contentType("application/problem+json");
        given().auth().oauth2(OFFICER).queryParam("sort", "RANDOM").get("/audit/entries").then().statusCode(422)
                .contentType("application/problem+json");
        given().auth().oauth2(OFFICER).get("/audit/entries/999999999999").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.forRoles("support")).get("/audit/entries").then().statusCode(403);
        given().get("/audit/verify").then().statusCode(401);
    }

    private static void await(java.util.concurrent.Callable<Boolean> condition) {
        org.awaitility.Awaitility.await().atMost(io.eventcommerce.testkit.Deadlines.ASYNC).until(condition);
    }
}
