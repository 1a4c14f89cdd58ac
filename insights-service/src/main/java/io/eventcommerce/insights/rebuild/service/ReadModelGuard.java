package io.eventcommerce.insights.rebuild.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.SQLTransientException;

/**
 * Keeps the live consumers out of the read models while they are rebuilt. Every handler asks {@link #admit} first in
 * its transaction: it reads the rebuild flag under a shared lock (held to commit), so the rebuild's setting of the
 * flag waits for the transactions in flight, and every later one sees it and fails as a transient failure, which
 * service-kit's EventHandling retries (with back-off, keeping the group membership) until the rebuild is over. The
 * replay itself runs {@link #replaying} and passes. The flag is in the database, so this holds for every replica.
 */
@ApplicationScoped
public class ReadModelGuard {

    private static final ThreadLocal<Boolean> REPLAYING = ThreadLocal.withInitial(() -> false);

    private final EntityManager em;

    public ReadModelGuard(EntityManager em) {
        this.em = em;
    }

    /** @throws IllegalStateException caused by a {@link SQLTransientException} while a rebuild runs */
    @Transactional(Transactional.TxType.MANDATORY)
    public void admit() {
        if (REPLAYING.get()) {
            return;
        }
        // LOCK IN SHARE MODE: MySQL 8.4 and MariaDB 11.4 both take it (FOR SHARE is MySQL's newer spelling only).
        Object rebuilding = em.createNativeQuery(
                "SELECT rebuilding FROM read_model_state WHERE id = 1 LOCK IN SHARE MODE").getSingleResult();
        if (Boolean.TRUE.equals(rebuilding) || rebuilding instanceof Number n && n.intValue() != 0) {
            throw new IllegalStateException("read models are being rebuilt",
                    new SQLTransientException("read models are being rebuilt; retry after the rebuild"));
        }
    }

    /** Runs {@code replay} on this thread as the rebuild, which the guard admits. */
    public static void replaying(Runnable replay) {
        REPLAYING.set(true);
        try {
            replay.run();
        } finally {
            REPLAYING.remove();
        }
    }
}
