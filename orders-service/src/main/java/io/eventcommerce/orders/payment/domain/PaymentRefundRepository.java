package io.eventcommerce.orders.payment.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class PaymentRefundRepository implements PanacheRepositoryBase<PaymentRefund, UUID> {

    public List<UUID> due(Instant now, int limit) {
        return find("status = ?1 and nextAttemptAt <= ?2 order by nextAttemptAt", PaymentRefund.Status.PENDING, now)
                .page(0, limit).stream().map(PaymentRefund::id).toList();
    }

    public List<PaymentRefund> forOrder(UUID orderId) {
        return list("orderId = ?1 order by createdAt", orderId);
    }

    public Optional<PaymentRefund> forCharge(String chargeKey) {
        return find("chargeKey", chargeKey).firstResultOptional();
    }

    /** Native FOR UPDATE, as in OrderRepository#lock (MariaDB does not accept Hibernate's FOR UPDATE OF). */
    @SuppressWarnings("unchecked")
    public Optional<PaymentRefund> lock(UUID id) {
        List<PaymentRefund> rows = getEntityManager()
                .createNativeQuery("SELECT * FROM payment_refund WHERE id = :id FOR UPDATE", PaymentRefund.class)
                .setParameter("id", id.toString())
                .getResultList();
        return rows.stream().findFirst();
    }
}
