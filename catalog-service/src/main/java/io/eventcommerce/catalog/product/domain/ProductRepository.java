package io.eventcommerce.catalog.product.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ProductRepository implements PanacheRepositoryBase<Product, UUID> {

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
