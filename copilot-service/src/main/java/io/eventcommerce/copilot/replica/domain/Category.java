package io.eventcommerce.copilot.replica.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.UUID;

/**
 * A row of {@code dim_category}: catalog's category as its latest snapshot had it, with what the questions group by
 * (its root, its path from the root, its depth), which {@code CategoryPaths} derives from the rows' parents.
 */
@Entity
@Table(name = "dim_category")
public class Category {

    @Id
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "category_id", length = 36)
    private UUID id;

    @Column(nullable = false, length = 200)
    private String name;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "parent_id", length = 36)
    private UUID parentId;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "root_id", length = 36, nullable = false)
    private UUID rootId;

    @Column(name = "root_name", nullable = false, length = 200)
    private String rootName;

    @Column(nullable = false, length = 1000)
    private String path;

    @Column(nullable = false)
    private byte depth;

    @Column(nullable = false)
    private long version;

    protected Category() {
    }

    public Category(UUID id, String name, UUID parentId, long version) {
        this.id = id;
        this.name = name;
        this.parentId = parentId;
        this.version = version;
        placeAt(id, name, name, 0);
    }

    /** Takes a newer snapshot's name and parent; its place in the tree is derived afterwards. */
    public void change(String newName, UUID newParentId, long newVersion) {
        this.name = newName;
        this.parentId = newParentId;
        this.version = newVersion;
    }

    /** Its place in the tree as derived from the parents known here. */
    public void placeAt(UUID root, String nameOfRoot, String pathFromRoot, int levels) {
        this.rootId = root;
        this.rootName = nameOfRoot;
        this.path = pathFromRoot.length() > 1000 ? pathFromRoot.substring(0, 1000) : pathFromRoot;
        this.depth = (byte) Math.min(levels, Byte.MAX_VALUE);
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public UUID parentId() {
        return parentId;
    }

    public long version() {
        return version;
    }
}
