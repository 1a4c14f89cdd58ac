package io.eventcommerce.servicekit.audit;

import io.eventcommerce.servicekit.security.Caller;
import io.eventcommerce.servicekit.security.Roles;
import io.eventcommerce.servicekit.time.Timestamps;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.sql.Timestamp;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * Leaves a trace in the binary log whenever someone reads a person's data who is not that person (support, admins,
 * catalog managers), for the audit trail: a row of the service's own {@code personal_data_read} table, inserted and
 * deleted again in the same transaction, like an outbox row. The insert carries the reader's {@link ChangeActor}
 * (who, which request) and the row says whose data, which resource and which fields; the audit connector captures
 * the table, and the table itself stays empty. A data subject reading its own data leaves nothing.
 *
 * <p>Called by a read endpoint once it has the data and before it returns it. It joins the caller's transaction
 * or runs its own: a read whose trace cannot be written fails rather than go unrecorded. Costs two statements
 * per read, whatever the number of subjects.
 */
@ApplicationScoped
public class PersonalDataReads {

    /** Whose data: the kinds of people services keep data about, each with the claim that makes a token its own. */
    public enum Subject {
        CUSTOMER, VENDOR;

        String column() {
            return name().toLowerCase();
        }
    }

    private static final int MAX_FIELDS = 500;

    private final EntityManager entityManager;
    private final Caller caller;

    public PersonalDataReads(EntityManager entityManager, Caller caller) {
        this.entityManager = entityManager;
        this.caller = caller;
    }

    /** Records that the caller reads {@code fields} of {@code resource} of one subject (unless it is the subject). */
    public void record(Subject kind, UUID subjectId, String resource, Collection<String> fields) {
        recordAll(kind, List.of(subjectId), resource, fields);
    }

    /** {@link #record} for every subject of a page or a list; subjects named twice are recorded once. */
    public void recordAll(Subject kind, Collection<UUID> subjectIds, String resource, Collection<String> fields) {
        List<UUID> others = subjectIds.stream().distinct().filter(id -> !isSelf(kind, id)).toList();
        if (others.isEmpty()) {
            return;
        }
        String fieldList = String.join(",", fields);
        if (fieldList.length() > MAX_FIELDS) {
            throw new IllegalArgumentException("More field names than personal_data_read.fields holds: " + fieldList);
        }
        Timestamp now = Timestamp.from(Timestamps.now());
        List<String> ids = others.stream().map(id -> UUID.randomUUID().toString()).toList();
        QuarkusTransaction.joiningExisting().run(() -> {
            // One multi-row INSERT and one DELETE, both through Hibernate, so both carry the reader as their actor.
            Query insert = entityManager.createNativeQuery("INSERT INTO personal_data_read "
                    + "(id, subject_type, subject_id, resource, fields, read_at) VALUES "
                    + String.join(",", Collections.nCopies(others.size(), "(?, ?, ?, ?, ?, ?)")));
            int p = 1;
            for (int i = 0; i < others.size(); i++) {
                insert.setParameter(p++, ids.get(i));
                insert.setParameter(p++, kind.column());
                insert.setParameter(p++, others.get(i).toString());
                insert.setParameter(p++, resource);
                insert.setParameter(p++, fieldList);
                insert.setParameter(p++, now);
            }
            insert.executeUpdate();
            Query delete = entityManager.createNativeQuery("DELETE FROM personal_data_read WHERE id IN ("
                    + String.join(",", Collections.nCopies(ids.size(), "?")) + ")");
            for (int i = 0; i < ids.size(); i++) {
                delete.setParameter(i + 1, ids.get(i));
            }
            delete.executeUpdate();
        });
    }

    /** Whether the caller is the data subject itself, by the role and claim a token of that subject carries. */
    private boolean isSelf(Subject kind, UUID subjectId) {
        return switch (kind) {
            case CUSTOMER -> caller.hasRole(Roles.CUSTOMER) && caller.customerId().map(subjectId::equals).orElse(false);
            case VENDOR -> caller.hasRole(Roles.VENDOR) && caller.vendorId().map(subjectId::equals).orElse(false);
        };
    }
}
