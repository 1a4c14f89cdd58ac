package io.eventcommerce.catalog.onboarding.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class VendorUploadRepository implements PanacheRepositoryBase<VendorUpload, UUID> {

    /**
     * Reads the upload under a row lock. Native {@code SELECT ... FOR UPDATE}: Hibernate's MySQL dialect writes
     * {@code FOR UPDATE OF <alias>}, which MariaDB 11.4 does not accept.
     */
    @SuppressWarnings("unchecked")
    public Optional<VendorUpload> lock(UUID id) {
        List<VendorUpload> rows = getEntityManager()
                .createNativeQuery("SELECT * FROM vendor_upload WHERE id = :id FOR UPDATE", VendorUpload.class)
                .setParameter("id", id.toString())
                .getResultList();
        return rows.stream().findFirst();
    }

    /** Uploads a worker may claim, oldest first: queued ones, and processing ones whose lease expired. */
    public List<UUID> claimable(Instant now, int max) {
        return find("status = ?1 or (status = ?2 and leaseUntil < ?3)", Sort.by("createdAt").and("id"),
                UploadStatus.QUEUED, UploadStatus.PROCESSING, now).page(0, max).project(IdOnly.class).list()
                .stream().map(IdOnly::id).toList();
    }

    public record IdOnly(UUID id) {
    }

    /**
     * Takes the lease of an upload, if it is free: one conditional UPDATE, so of several instances trying at once
     * exactly one wins. Free means queued, or processing under a lease that expired (its instance died or stalled):
     * the moves {@link UploadStatus} allows into PROCESSING. The version grows, so a stale copy of the row held
     * elsewhere cannot overwrite the takeover.
     *
     * @return whether this caller now holds the lease
     */
    public boolean claim(UUID id, String owner, String instance, Instant leaseUntil, Instant now) {
        return update("status = :processing, leaseOwner = :owner, leaseUntil = :until, processedBy = :instance, "
                        + "processingStartedAt = coalesce(processingStartedAt, :now), updatedAt = :now, "
                        + "version = version + 1 where id = :id and (status = :queued or (status = :processing "
                        + "and leaseUntil < :now))",
                Parameters.with("processing", UploadStatus.PROCESSING).and("owner", owner).and("until", leaseUntil)
                        .and("instance", instance).and("now", now).and("id", id).and("queued", UploadStatus.QUEUED))
                == 1;
    }

    /**
     * Lets the leases an earlier run of this instance held expire now, so a restarted instance resumes its own
     * uploads at once instead of waiting out the lease.
     */
    public int expireLeasesOfEarlierRuns(String instance, String currentOwner, Instant now) {
        return update("leaseUntil = :now, updatedAt = :now, version = version + 1 where status = :processing and "
                        + "processedBy = :instance and leaseOwner <> :owner and leaseUntil > :now",
                Parameters.with("now", now).and("processing", UploadStatus.PROCESSING).and("instance", instance)
                        .and("owner", currentOwner));
    }
}
