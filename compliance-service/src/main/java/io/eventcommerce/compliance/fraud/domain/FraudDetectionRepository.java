package io.eventcommerce.compliance.fraud.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class FraudDetectionRepository implements PanacheRepositoryBase<FraudDetection, UUID> {

    /**
     * The assessment under a row lock, so two officers deciding at once queue and the second sees the first's
     * decision. Native {@code SELECT ... FOR UPDATE}: Hibernate's MySQL dialect writes {@code FOR UPDATE OF <alias>},
     * which MariaDB 11.4 does not accept.
     */
    public Optional<FraudDetection> findForUpdate(UUID orderId) {
        return getEntityManager().createNativeQuery("SELECT * FROM fraud_detection WHERE order_id = :id FOR UPDATE",
                FraudDetection.class).setParameter("id", orderId.toString()).getResultStream()
                .map(FraudDetection.class::cast).findFirst();
    }
}
