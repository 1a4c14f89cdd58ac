package io.eventcommerce.catalog.category.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** A node of the category tree; {@code parentId} is null for a root. */
@Entity
@Table(name = "category")
public class Category {

    @Id
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(length = 36)
    private UUID id;

    @Column(nullable = false, length = 120)
    private String name;

    @Column(nullable = false, length = 140)
    private String slug;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "parent_id", length = 36)
    private UUID parentId;

    @Version
    private long version;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Category() {
    }

    public Category(UUID id, String name, String slug, UUID parentId, Instant now) {
        this.id = id;
        this.name = name;
        this.slug = slug;
        this.parentId = parentId;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Renames and/or moves the category; the caller has checked that the new parent does not create a cycle. */
    public boolean change(String newName, UUID newParentId, Instant now) {
        boolean changed = !name.equals(newName) || !java.util.Objects.equals(parentId, newParentId);
        if (changed) {
            name = newName;
            parentId = newParentId;
            updatedAt = now;
        }
        return changed;
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String slug() {
        return slug;
    }

    public UUID parentId() {
        return parentId;
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
