package io.eventcommerce.compliance.privacy.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ServiceProgressRepository implements PanacheRepositoryBase<ServiceProgress, ServiceProgress.Key> {

    public List<ServiceProgress> ofRequest(UUID requestId) {
        return list("requestId", Sort.ascending("service"), requestId);
    }

    /** Every service's part of the customer's access requests, for an erasure to clear their exports. */
    public List<ServiceProgress> exportsOf(UUID customerId) {
        return list("exportData is not null and requestId in (select r.id from DataSubjectRequest r"
                + " where r.customerId = ?1)", customerId);
    }
}
