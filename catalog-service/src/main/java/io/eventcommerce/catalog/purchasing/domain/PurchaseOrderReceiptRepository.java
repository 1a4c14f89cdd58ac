package io.eventcommerce.catalog.purchasing.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class PurchaseOrderReceiptRepository implements PanacheRepositoryBase<PurchaseOrderReceipt, UUID> {

    public List<PurchaseOrderReceipt> forOrder(UUID purchaseOrderId) {
        return list("purchaseOrderId", Sort.by("receivedAt").and("id"), purchaseOrderId);
    }
}
