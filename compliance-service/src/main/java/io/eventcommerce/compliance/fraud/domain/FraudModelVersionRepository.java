package io.eventcommerce.compliance.fraud.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

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

    /** The next version number; the caller's transaction holds a lock on the newest row so two retrains differ. */
    public int nextVersion() {
        Optional<FraudModelVersion> newest = find("order by version desc").withLock(LockModeType.PESSIMISTIC_WRITE)
                .page(0, 1).firstResultOptional();
        return newest.map(v -> v.version() + 1).orElse(1);
    }
}
