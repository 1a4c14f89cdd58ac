package io.eventcommerce.compliance.audit.service;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.eventcommerce.servicekit.problem.DomainException;
import io.eventcommerce.servicekit.rest.Page;
import io.eventcommerce.servicekit.time.Timestamps;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * Legal holds on the audit trail: while one is active, the entries it covers survive the purge of their month
 * ({@link AuditRetention} copies them to audit_entry_held). Creating and releasing a hold are entries of the chain
 * themselves. A hold is never deleted, only released. Both take the purge's named lock, so a hold placed while a
 * purge runs waits for it and protects from the next one on: no purge decides without a committed hold it should see.
 */
@ApplicationScoped
public class LegalHolds {

    static final String TABLE = "legal_hold";
    private static final String COLUMNS = "id, case_reference, reason, subject, schema_name, table_name, entity_key,"
            + " committed_from, committed_to, created_by, created_at, released_by, released_at";

    /** What a hold covers: every part given must match an entry (null parts match anything). */
    public record Scope(String subject, String schema, String table, String entity, Instant committedFrom,
                        Instant committedTo) {
    }

    public record Hold(UUID id, String caseReference, String reason, Scope scope, String createdBy,
                       Instant createdAt, String releasedBy, Instant releasedAt, boolean active) {
    }

    /**
     * The SQL condition "an active hold covers the entry aliased {@code e}", for audit_entry and audit_entry_held
     * alike.
     */
    static final String COVERED = "EXISTS (SELECT 1 FROM compliance.legal_hold h WHERE h.released_at IS NULL"
            + " AND (h.subject IS NULL OR h.subject = e.subject)"
            + " AND (h.schema_name IS NULL OR h.schema_name = e.schema_name)"
            + " AND (h.table_name IS NULL OR h.table_name = e.table_name)"
            + " AND (h.entity_key IS NULL OR h.entity_key = e.entity_key)"
            + " AND (h.committed_from IS NULL OR e.committed_at >= h.committed_from)"
            + " AND (h.committed_to IS NULL OR e.committed_at < h.committed_to))";

    private final AgroalDataSource dataSource;
    private final AuditTrail trail;

    public LegalHolds(AgroalDataSource dataSource, AuditTrail trail) {
        this.dataSource = dataSource;
        this.trail = trail;
    }

    public Hold create(String caseReference, String reason, Scope scope, String actor) {
        boolean entity = scope.schema() != null || scope.table() != null || scope.entity() != null;
        if (entity && (scope.schema() == null || scope.table() == null)) {
            throw DomainException.invalid("scope", "an entity scope names schema and table (and optionally entity)");
        }
        if (scope.subject() == null && !entity && scope.committedFrom() == null && scope.committedTo() == null) {
            throw DomainException.invalid("scope", "a hold covers a subject, an entity and/or a commit-time range");
        }
        if (scope.committedFrom() != null && scope.committedTo() != null
                && !scope.committedFrom().isBefore(scope.committedTo())) {
            throw DomainException.invalid("committedTo", "must be after committedFrom");
        }
        Instant now = Timestamps.now().truncatedTo(ChronoUnit.MICROS);
        Hold hold = new Hold(UUID.randomUUID(), caseReference, reason, scope, actor, now, null, null, true);
        return underPurgeLock(() -> QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO legal_hold (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL)")) {
                insert.setString(1, hold.id().toString());
                insert.setString(2, caseReference);
                insert.setString(3, reason);
                insert.setString(4, scope.subject());
                insert.setString(5, scope.schema());
                insert.setString(6, scope.table());
                insert.setString(7, scope.entity());
                insert.setObject(8, utc(scope.committedFrom()));
                insert.setObject(9, utc(scope.committedTo()));
                insert.setString(10, actor);
                insert.setObject(11, utc(now));
                insert.executeUpdate();
                trail.appendOwn(c, TABLE, "c", hold.id().toString(), json(hold), actor, UUID.randomUUID().toString(),
                        now);
            }
            return hold;
        }));
    }

    public Hold release(UUID id, String actor) {
        Instant now = Timestamps.now().truncatedTo(ChronoUnit.MICROS);
        return underPurgeLock(() -> QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection()) {
                Hold hold = find(c, id, true);
                if (!hold.active()) {
                    throw DomainException.conflict("legal hold " + id + " was released at " + hold.releasedAt());
                }
                try (PreparedStatement update = c.prepareStatement("UPDATE legal_hold SET released_by = ?,"
                        + " released_at = ? WHERE id = ? AND released_at IS NULL")) {
                    update.setString(1, actor);
                    update.setObject(2, utc(now));
                    update.setString(3, id.toString());
                    update.executeUpdate();
                }
                Hold released = new Hold(hold.id(), hold.caseReference(), hold.reason(), hold.scope(),
                        hold.createdBy(), hold.createdAt(), actor, now, false);
                trail.appendOwn(c, TABLE, "u", id.toString(), json(released), actor, UUID.randomUUID().toString(),
                        now);
                return released;
            }
        }));
    }

    public Hold get(UUID id) {
        try (Connection c = dataSource.getConnection()) {
            return find(c, id, false);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read legal holds", e);
        }
    }

    /** Newest first; {@code active} null for all, else only active or only released ones. */
    public Page<Hold> list(Boolean active, int page, int size) {
        String where = active == null ? "" : active ? " WHERE released_at IS NULL" : " WHERE released_at IS NOT NULL";
        try (Connection c = dataSource.getConnection()) {
            long total;
            try (PreparedStatement count = c.prepareStatement("SELECT COUNT(*) FROM legal_hold" + where);
                 ResultSet r = count.executeQuery()) {
                r.next();
                total = r.getLong(1);
            }
            List<Hold> items = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM legal_hold" + where
                    + " ORDER BY created_at DESC, id LIMIT ? OFFSET ?")) {
                s.setInt(1, size);
                s.setLong(2, (long) page * size);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        items.add(hold(r));
                    }
                }
            }
            return Page.of(items, page, size, total);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read legal holds", e);
        }
    }

    /**
     * Runs {@code work} holding the named lock of purges ({@link AuditRetention#LOCK}) on a connection of its own,
     * released only after {@code work}'s transaction committed. GET_LOCK is the same on MySQL 8.4 and MariaDB 11.4.
     */
    <T> T underPurgeLock(Callable<T> work) {
        try (Connection lock = dataSource.getConnection()) {
            if (!AuditRetention.lock(lock, 60)) {
                throw DomainException.conflict("a purge of the audit trail is running; try again in a minute");
            }
            try {
                return work.call();
            } finally {
                AuditRetention.unlock(lock);
            }
        } catch (DomainException | IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot change legal holds: " + e.getMessage(), e);
        }
    }

    private static Hold find(Connection c, UUID id, boolean forUpdate) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM legal_hold WHERE id = ?"
                + (forUpdate ? " FOR UPDATE" : ""))) {
            s.setString(1, id.toString());
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw DomainException.notFound("legal hold", id);
                }
                return hold(r);
            }
        }
    }

    private static Hold hold(ResultSet r) throws SQLException {
        Instant released = instant(r, 13);
        return new Hold(UUID.fromString(r.getString(1)), r.getString(2), r.getString(3), new Scope(r.getString(4),
                r.getString(5), r.getString(6), r.getString(7), instant(r, 8), instant(r, 9)), r.getString(10),
                instant(r, 11), r.getString(12), released, released == null);
    }

    /** The hold as its chain entry records it. */
    private static ObjectNode json(Hold hold) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("id", hold.id().toString());
        node.put("caseReference", hold.caseReference());
        node.put("reason", hold.reason());
        node.put("subject", hold.scope().subject());
        node.put("schema", hold.scope().schema());
        node.put("table", hold.scope().table());
        node.put("entity", hold.scope().entity());
        node.put("committedFrom", text(hold.scope().committedFrom()));
        node.put("committedTo", text(hold.scope().committedTo()));
        node.put("createdBy", hold.createdBy());
        node.put("createdAt", text(hold.createdAt()));
        node.put("releasedBy", hold.releasedBy());
        node.put("releasedAt", text(hold.releasedAt()));
        return node;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static LocalDateTime utc(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet r, int column) throws SQLException {
        LocalDateTime value = r.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }
}
