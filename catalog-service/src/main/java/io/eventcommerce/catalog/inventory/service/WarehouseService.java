package io.eventcommerce.catalog.inventory.service;

import io.eventcommerce.catalog.inventory.domain.Warehouse;
import io.eventcommerce.catalog.inventory.domain.WarehouseRepository;
import io.eventcommerce.servicekit.problem.DomainException;
import io.eventcommerce.servicekit.rest.Page;
import io.eventcommerce.servicekit.time.Timestamps;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.UUID;

@ApplicationScoped
public class WarehouseService {

    private final WarehouseRepository warehouses;

    public WarehouseService(WarehouseRepository warehouses) {
        this.warehouses = warehouses;
    }

    public record Details(String name, String country, String city, int priority, boolean active) {
    }

    @Transactional
    public Warehouse create(String code, Details d) {
        if (warehouses.existsByCode(code)) {
            throw DomainException.conflict("A warehouse with code '" + code + "' already exists");
        }
        Warehouse warehouse = new Warehouse(UUID.randomUUID(), code, d.name(), d.country(), d.city(), d.priority(),
                d.active(), Timestamps.now());
        warehouses.persistAndFlush(warehouse);
        return warehouse;
    }

    /** Replaces the editable fields; the code is fixed at creation, so another code is refused (422). */
    @Transactional
    public Warehouse update(UUID id, String code, Details d) {
        Warehouse warehouse = get(id);
        if (!warehouse.code().equals(code)) {
            throw DomainException.invalid("code", "cannot change (is '" + warehouse.code() + "')");
        }
        warehouse.update(d.name(), d.country(), d.city(), d.priority(), d.active(), Timestamps.now());
        return warehouse;
    }

    public Warehouse get(UUID id) {
        return warehouses.findByIdOptional(id).orElseThrow(() -> DomainException.notFound("Warehouse", id));
    }

    public Page<Warehouse> list(int page, int size) {
        var query = warehouses.findAll(Sort.by("priority").and("code"));
        return Page.of(query.page(page, size).list(), page, size, query.count());
    }
}
