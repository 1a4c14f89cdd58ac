package io.eventcommerce.servicekit.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/**
 * What every aggregate of the platform's services has: a UUID id assigned by the service (so events can carry it
 * before the insert), stored as {@code CHAR(36)} on MySQL and MariaDB alike; an optimistic-locking version, which
 * events also carry; creation and last-change times in UTC ({@code DATETIME(6)} columns).
 */
@MappedSuperclass
public abstract class VersionedEntity {

    @Id
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(length = 36)
    private UUID id;

    @Version
    private long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected VersionedEntity() {
    }

    protected VersionedEntity(UUID id, Instant now) {
        this.id = id;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Records a change; Hibernate increases the version when it flushes it. */
    protected void touch(Instant now) {
        this.updatedAt = now;
    }

    public UUID id() {
        return id;
    }

    public long version() {
        return version;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
