package io.eventcommerce.catalog.inventory.domain;

import io.eventcommerce.servicekit.persistence.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A place stock is kept and shipped from. Its code is its stable, human-readable name (e.g. {@code EU-1}). */
@Entity
@Table(name = "warehouse")
public class Warehouse extends VersionedEntity {

    @Column(nullable = false, length = 20, updatable = false)
    private String code;

    @Column(nullable = false, length = 120)
    private String name;

    @Column(nullable = false, length = 2, columnDefinition = "CHAR(2)")
    private String country;

    @Column(length = 100)
    private String city;

    @Column(nullable = false)
    private int priority;

    @Column(nullable = false)
    private boolean active;

    protected Warehouse() {
    }

    public Warehouse(UUID id, String code, String name, String country, String city, int priority, boolean active,
                     Instant now) {
        super(id, now);
        this.code = code;
        update(name, country, city, priority, active, now);
    }

    public void update(String name, String country, String city, int priority, boolean active, Instant now) {
        this.name = name;
        this.country = country;
        this.city = city;
        this.priority = priority;
        this.active = active;
        touch(now);
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public String country() {
        return country;
    }

    public String city() {
        return city;
    }

    public int priority() {
        return priority;
    }

    public boolean active() {
        return active;
    }
}
