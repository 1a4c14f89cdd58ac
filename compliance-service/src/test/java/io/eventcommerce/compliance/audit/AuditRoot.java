package io.eventcommerce.compliance.audit;

import io.eventcommerce.compliance.audit.model.AuditContent;
import io.eventcommerce.compliance.audit.service.AuditVerification;
import io.eventcommerce.devstack.PlatformStack;
import io.eventcommerce.testkit.Deadlines;
import io.eventcommerce.testkit.TestStack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.awaitility.Awaitility.await;

/** What the database root user can do to the trail (tamper with it), and the tests' reads of it. */
final class AuditRoot {

    private AuditRoot() {
    }

    static Connection root() throws SQLException {
        PlatformStack stack = TestStack.get();
        return DriverManager.getConnection(stack.jdbcUrl("compliance"), "root", stack.rootPassword());
    }

    static Connection asCompliance() throws SQLException {
        PlatformStack stack = TestStack.get();
        return DriverManager.getConnection(stack.jdbcUrl("compliance"), "compliance", stack.password("compliance"));
    }

    static long count(String sql, Object... params) {
        try (Connection c = root(); PreparedStatement s = prepare(c, sql, params); ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    static List<Long> seqs(String sql, Object... params) {
        try (Connection c = root(); PreparedStatement s = prepare(c, sql, params); ResultSet r = s.executeQuery()) {
            List<Long> out = new ArrayList<>();
            while (r.next()) {
                out.add(r.getLong(1));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = prepare(c, sql, params)) {
            return s.executeUpdate();
        }
    }

    /** The entries of one entity, awaited until {@code n} are stored; their sequences ascending. */
    static List<Long> awaitEntries(String schema, String table, String entity, int n) {
        await().atMost(Deadlines.ASYNC).until(() -> count("SELECT COUNT(*) FROM compliance_audit.audit_entry WHERE"
                + " schema_name = ? AND table_name = ? AND entity_key = ?", schema, table, entity) >= n);
        return seqs("SELECT seq FROM compliance_audit.audit_entry WHERE schema_name = ? AND table_name = ? AND"
                + " entity_key = ? ORDER BY seq", schema, table, entity);
    }

    /** The content of an entry as stored, and its hash recomputed over {@code prevHash}. */
    static AuditContent content(Connection c, long seq) throws SQLException {
        try (PreparedStatement s = prepare(c, "SELECT * FROM compliance_audit.audit_entry WHERE seq = ?", seq);
             ResultSet r = s.executeQuery()) {
            if (!r.next()) {
                throw new IllegalStateException("no entry " + seq);
            }
            return AuditVerification.content(r);
        }
    }

    static String string(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = prepare(c, sql, params); ResultSet r = s.executeQuery()) {
            return r.next() ? r.getString(1) : null;
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            s.setObject(i + 1, params[i]);
        }
        return s;
    }
}
