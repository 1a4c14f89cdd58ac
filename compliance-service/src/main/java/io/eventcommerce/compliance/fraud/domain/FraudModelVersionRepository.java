package io.eventcommerce.compliance.fraud.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class FraudModelVersionRepository implements PanacheRepositoryBase<FraudModelVersion, Integer> {

    public Optional<FraudModelVersion> withStatus(FraudModelVersion.Status status) {
        return find("status", status).firstResultOptional();
    }

    public List<FraudModelVersion> newestFirst() {
        return find("order by version desc").list();
    }

    /**
     * The next version number. Two retrains at once may pick the same one: the second one's insert then fails on the
     * primary key and nothing of it is stored (a 409 for its caller, who retrains again).
     */
    public int nextVersion() {
        Object newest = getEntityManager().createNativeQuery("SELECT MAX(version) FROM fraud_model")
                .getSingleResult();
        return newest == null ? 1 : ((Number) newest).intValue() + 1;
    }
}
