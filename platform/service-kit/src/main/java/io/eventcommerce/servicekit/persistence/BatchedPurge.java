package io.eventcommerce.servicekit.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * Deletes rows that outlived their retention, in batches of {@value #BATCH}, each batch its own short transaction,
 * so a purge never holds many locks or a long transaction however much there is to delete. The retention jobs of
 * every service (processed events, idempotency keys, stored upload files) go through it.
 */
@ApplicationScoped
public class BatchedPurge {

    static final int BATCH = 5_000;
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

    private final EntityManager entityManager;

    public BatchedPurge(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Deletes every row of {@code table} whose {@code condition} holds, batch after batch until none is left.
     *
     * @param condition a SQL condition written by the caller (never user input), with {@code ?1} for
     *                  {@code olderThan}
     * @return how many rows were deleted
     */
    public long purge(String table, String condition, Instant olderThan) {
        if (!IDENTIFIER.matcher(table).matches()) {
            throw new IllegalArgumentException("Not a table name: " + table);
        }
        // DELETE ... LIMIT is MySQL/MariaDB syntax (single-table form); it keeps each transaction and its locks small.
        String delete = "DELETE FROM " + table + " WHERE " + condition + " LIMIT " + BATCH;
        long total = 0;
        int deleted;
        do {
            deleted = deleteBatch(delete, olderThan);
            total += deleted;
        } while (deleted == BATCH);
        return total;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    int deleteBatch(String delete, Instant olderThan) {
        return entityManager.createNativeQuery(delete).setParameter(1, Timestamp.from(olderThan)).executeUpdate();
    }
}
