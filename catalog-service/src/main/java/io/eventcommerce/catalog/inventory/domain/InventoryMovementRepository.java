package io.eventcommerce.catalog.inventory.domain;

import io.eventcommerce.servicekit.audit.ChangeActors;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.TimeZone;
import java.util.List;

@ApplicationScoped
public class InventoryMovementRepository implements PanacheRepositoryBase<InventoryMovement, Long> {

    private final ChangeActors actors;

    public InventoryMovementRepository(ChangeActors actors) {
        this.actors = actors;
    }

    /**
     * Appends ledger lines in one batched INSERT (one multi-row INSERT once Connector/J rewrites it), in the caller's
     * transaction. Hibernate cannot batch {@code persist} of an entity with an IDENTITY id, since it needs each
     * generated id at once; bulk writes that do not need the ids come here. The lines are not managed afterwards.
     * Plain JDBC passes no StatementInspector, so the statement gets its actor here (ChangeActors).
     */
    public void appendAll(List<InventoryMovement> lines) {
        if (lines.isEmpty()) {
            return;
        }
        Calendar utc = Calendar.getInstance(TimeZone.getTimeZone(ZoneOffset.UTC));
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(actors.annotate("""
                    INSERT INTO inventory_movement (warehouse_id, product_id, movement_type, quantity, on_hand_after,
                        reference_type, reference_id, note, actor, occurred_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"""))) {
                for (InventoryMovement line : lines) {
                    insert.setString(1, line.warehouseId().toString());
                    insert.setString(2, line.productId().toString());
                    insert.setString(3, line.type().name());
                    insert.setInt(4, line.quantity());
                    insert.setInt(5, line.onHandAfter());
                    insert.setString(6, line.referenceType());
                    if (line.referenceId() == null) {
                        insert.setNull(7, Types.CHAR);
                    } else {
                        insert.setString(7, line.referenceId().toString());
                    }
                    insert.setString(8, line.note());
                    insert.setString(9, line.actor());
                    // In UTC, as Hibernate writes an Instant (quarkus.hibernate-orm.jdbc.timezone=UTC).
                    insert.setTimestamp(10, Timestamp.from(line.occurredAt()), utc);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }
}
