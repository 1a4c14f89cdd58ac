package io.eventcommerce.insights.catalog.service;

import io.eventcommerce.events.catalog.StockLevelChanged;
import io.eventcommerce.insights.rebuild.service.ReadModelGuard;
import io.eventcommerce.servicekit.inbox.Inbox;
import io.eventcommerce.servicekit.messaging.EventRoutes;
import io.eventcommerce.servicekit.messaging.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;

/**
 * Keeps {@code stock_level} from catalog.inventory: on hand and available per product and warehouse, the latest
 * version only (a redelivery after a rebalance may bring an older one back). Valued at read time (InventoryReport).
 */
@ApplicationScoped
public class StockLevels {

    public static final String CONSUMER = "insights-stock";

    private final EntityManager em;
    private final ReadModelGuard guard;
    private final EventRoutes routes;

    public StockLevels(EntityManager em, Inbox inbox, ReadModelGuard guard) {
        this.guard = guard;
        this.em = em;
        this.routes = EventRoutes.recordedIn(inbox, CONSUMER)
                .on(StockLevelChanged.TYPE, this::keep)
                .build();
    }

    @Transactional
    public void apply(IncomingEvent event) {
        guard.admit();
        routes.apply(event);
    }

    /** One statement on MySQL 8.4 and MariaDB 11.4 alike; {@code version} is assigned last (left to right). */
    private void keep(StockLevelChanged s) {
        em.createNativeQuery("""
                        INSERT INTO stock_level (product_id, warehouse_id, on_hand, available, version, changed_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                        ON DUPLICATE KEY UPDATE
                            on_hand = CASE WHEN version < ?5 THEN ?3 ELSE on_hand END,
                            available = CASE WHEN version < ?5 THEN ?4 ELSE available END,
                            changed_at = CASE WHEN version < ?5 THEN ?6 ELSE changed_at END,
                            version = GREATEST(version, ?5)""")
                .setParameter(1, s.productId().toString()).setParameter(2, s.warehouseId().toString())
                .setParameter(3, s.onHand()).setParameter(4, s.available()).setParameter(5, s.version())
                .setParameter(6, Timestamp.from(s.changedAt())).executeUpdate();
    }
}
