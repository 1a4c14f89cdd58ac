package io.eventcommerce.catalog.inventory.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Locking reads are native {@code SELECT ... FOR UPDATE}: Hibernate's MySQL dialect writes {@code FOR UPDATE OF
 * <alias>}, which MySQL 8 accepts and MariaDB 11.4 does not. A locking read always returns the latest committed row,
 * whatever snapshot the transaction has read before.
 */
@ApplicationScoped
public class StockLevelRepository implements PanacheRepositoryBase<StockLevel, StockKey> {

    /**
     * Locks the stock rows of these products in one fixed order, product then warehouse, so two transactions locking
     * overlapping sets cannot deadlock.
     */
    @SuppressWarnings("unchecked")
    public List<StockLevel> lockForProducts(Collection<UUID> productIds) {
        if (productIds.isEmpty()) {
            return List.of();
        }
        return getEntityManager().createNativeQuery("SELECT * FROM stock_level WHERE product_id IN (:ids) "
                        + "ORDER BY product_id, warehouse_id FOR UPDATE", StockLevel.class)
                .setParameter("ids", productIds.stream().map(UUID::toString).toList())
                .getResultList();
    }

    /**
     * Locks the stock rows of these products in one warehouse, by product: the order {@link #lockForProducts} uses
     * too, so the two cannot deadlock. Products not kept in the warehouse have no row (and take no lock).
     */
    @SuppressWarnings("unchecked")
    public List<StockLevel> lockInWarehouse(UUID warehouseId, Collection<UUID> productIds) {
        if (productIds.isEmpty()) {
            return List.of();
        }
        return getEntityManager().createNativeQuery("SELECT * FROM stock_level WHERE warehouse_id = :warehouse "
                        + "AND product_id IN (:ids) ORDER BY product_id FOR UPDATE", StockLevel.class)
                .setParameter("warehouse", warehouseId.toString())
                .setParameter("ids", productIds.stream().map(UUID::toString).toList())
                .getResultList();
    }

    /**
     * Reads the row under a lock, if it exists. The services run at READ COMMITTED, so a locking read of a missing
     * row takes no gap lock (under REPEATABLE READ it did, and concurrent first stock levels deadlocked); a
     * concurrent insert of the same key makes the loser fail on the primary key (409).
     */
    @SuppressWarnings("unchecked")
    public Optional<StockLevel> lock(StockKey key) {
        List<StockLevel> rows = getEntityManager().createNativeQuery("SELECT * FROM stock_level "
                        + "WHERE warehouse_id = :warehouse AND product_id = :product FOR UPDATE", StockLevel.class)
                .setParameter("warehouse", key.warehouseId().toString())
                .setParameter("product", key.productId().toString())
                .getResultList();
        return rows.stream().findFirst();
    }
}
