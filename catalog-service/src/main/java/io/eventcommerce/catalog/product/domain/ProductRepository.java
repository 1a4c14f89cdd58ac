package io.eventcommerce.catalog.product.domain;

import io.eventcommerce.servicekit.rest.Page;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

@ApplicationScoped
public class ProductRepository implements PanacheRepositoryBase<Product, UUID> {

    /** The products matching the search, one page of them in its order, and how many match in all. */
    @SuppressWarnings("unchecked")
    public Page<Product> search(ProductSearch search, int page, int size) {
        ProductSearch.Sql sql = search.sql();
        var count = getEntityManager().createNativeQuery("SELECT COUNT(*) FROM product p " + sql.where());
        bind(count, sql.whereValues(), 0);
        long total = ((Number) count.getSingleResult()).longValue();
        if (total == 0) {
            return Page.of(List.of(), page, size, 0);
        }
        var ids = getEntityManager().createNativeQuery("SELECT p.id FROM product p " + sql.where() + " ORDER BY "
                + sql.orderBy()).setFirstResult(page * size).setMaxResults(size);
        bind(ids, sql.whereValues(), 0);
        bind(ids, sql.orderValues(), sql.whereValues().size());
        List<UUID> order = ((List<Object>) ids.getResultList()).stream().map(id -> UUID.fromString(id.toString()))
                .toList();
        Map<UUID, Product> byId = list("id in ?1", order).stream()
                .collect(Collectors.toMap(Product::id, Function.identity()));
        return Page.of(order.stream().map(byId::get).filter(Objects::nonNull).toList(), page, size, total);
    }

    private static void bind(jakarta.persistence.Query query, List<Object> values, int offset) {
        for (int i = 0; i < values.size(); i++) {
            query.setParameter(offset + i + 1, values.get(i));
        }
    }

    public boolean existsBySku(String sku) {
        return count("sku", sku) > 0;
    }

    public boolean existsById(UUID id) {
        return count("id", id) > 0;
    }

    /** Whether another product than {@code except} (null: any) of the vendor has this reference. */
    public boolean vendorProductIdTaken(UUID vendorId, String vendorProductId, UUID except) {
        return except == null
                ? count("vendorId = ?1 and vendorProductId = ?2", vendorId, vendorProductId) > 0
                : count("vendorId = ?1 and vendorProductId = ?2 and id <> ?3", vendorId, vendorProductId, except) > 0;
    }

    /** The products with these ids, in id order (the order a bulk change then updates them in). */
    public List<Product> findInIdOrder(Collection<UUID> ids) {
        return ids.isEmpty() ? List.of() : list("id in ?1", io.quarkus.panache.common.Sort.by("id"), ids);
    }

    /** The products with these SKUs; matched as the database collates, i.e. case-insensitively. */
    public List<ProductOwnership> ownersOfSkus(Collection<String> skus) {
        if (skus.isEmpty()) {
            return List.of();
        }
        return getEntityManager().createQuery("select new " + ProductOwnership.class.getName()
                        + "(p.id, p.sku, p.vendorId, p.vendorProductId) from Product p where p.sku in :skus",
                ProductOwnership.class).setParameter("skus", skus).getResultList();
    }

    /** The vendor's products with these references of its own. */
    public List<ProductOwnership> ownersOfVendorProductIds(UUID vendorId, Collection<String> vendorProductIds) {
        if (vendorProductIds.isEmpty()) {
            return List.of();
        }
        return getEntityManager().createQuery("select new " + ProductOwnership.class.getName()
                        + "(p.id, p.sku, p.vendorId, p.vendorProductId) from Product p "
                        + "where p.vendorId = :vendor and p.vendorProductId in :ids", ProductOwnership.class)
                .setParameter("vendor", vendorId).setParameter("ids", vendorProductIds).getResultList();
    }
}
