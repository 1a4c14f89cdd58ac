package io.eventcommerce.catalog.category.domain;

import io.eventcommerce.servicekit.persistence.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** A node of the category tree; {@code parentId} is null for a root. */
@Entity
@Table(name = "category")
public class Category extends VersionedEntity {

    @Column(nullable = false, length = 120)
    private String name;

    @Column(nullable = false, length = 140)
    private String slug;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "parent_id", length = 36)
    private UUID parentId;

    protected Category() {
    }

    public Category(UUID id, String name, String slug, UUID parentId, Instant now) {
        super(id, now);
        this.name = name;
        this.slug = slug;
        this.parentId = parentId;
    }

    /** Renames and/or moves the category; the caller has checked that the new parent does not create a cycle. */
    public boolean change(String newName, UUID newParentId, Instant now) {
        boolean changed = !name.equals(newName) || !java.util.Objects.equals(parentId, newParentId);
        if (changed) {
            name = newName;
            parentId = newParentId;
            touch(now);
        }
        return changed;
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

}
