package io.eventcommerce.orders.order.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class OrderRepository implements PanacheRepositoryBase<Order, UUID> {

    /**
     * Reads the order under a row lock. Native {@code SELECT ... FOR UPDATE}: Hibernate's MySQL dialect writes
     * {@code FOR UPDATE OF <alias>}, which MariaDB 11.4 does not accept.
     */
    @SuppressWarnings("unchecked")
    public Optional<Order> lock(UUID id) {
        List<Order> rows = getEntityManager()
                .createNativeQuery("SELECT * FROM customer_order WHERE id = :id FOR UPDATE", Order.class)
                .setParameter("id", id.toString())
                .getResultList();
        return rows.stream().findFirst();
    }
}
