package io.eventcommerce.catalog.purchasing.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class PurchaseOrderRepository implements PanacheRepositoryBase<PurchaseOrder, UUID> {

    /**
     * The next number of {@code year}, such as {@code PO-2026-000123}: gapless while transactions commit, unique
     * always. The counter row stays locked until the caller's transaction ends, so purchase orders are numbered one
     * at a time; LAST_INSERT_ID(expr) hands the new value to this connection only (same on MySQL and MariaDB).
     */
    public String nextNumber(int year) {
        var em = getEntityManager();
        em.createNativeQuery("INSERT INTO purchase_order_counter (order_year, last_number) "
                        + "VALUES (:year, LAST_INSERT_ID(1)) "
                        + "ON DUPLICATE KEY UPDATE last_number = LAST_INSERT_ID(last_number + 1)")
                .setParameter("year", year).executeUpdate();
        long number = ((Number) em.createNativeQuery("SELECT LAST_INSERT_ID()").getSingleResult()).longValue();
        return String.format("PO-%04d-%06d", year, number);
    }
}
