package io.eventcommerce.compliance.privacy.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class DataSubjectRequestRepository implements PanacheRepositoryBase<DataSubjectRequest, UUID> {

    /**
     * The request under a row lock, so two services' answers arriving at once finish it exactly once. Native
     * {@code SELECT ... FOR UPDATE}: Hibernate's MySQL dialect writes {@code FOR UPDATE OF <alias>}, which MariaDB 11.4
     * does not accept.
     */
    public Optional<DataSubjectRequest> findForUpdate(UUID id) {
        return getEntityManager().createNativeQuery("SELECT * FROM data_subject_request WHERE id = :id FOR UPDATE",
                DataSubjectRequest.class).setParameter("id", id.toString()).getResultStream()
                .map(DataSubjectRequest.class::cast).findFirst();
    }
}
