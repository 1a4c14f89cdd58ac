package io.eventcommerce.insights.supply;

import io.eventcommerce.events.catalog.PurchaseOrderChanged;
import io.eventcommerce.insights.rebuild.service.ReadModelGuard;
import io.eventcommerce.servicekit.inbox.Inbox;
import io.eventcommerce.servicekit.messaging.EventRoutes;
import io.eventcommerce.servicekit.messaging.IncomingEvent;
import io.eventcommerce.servicekit.persistence.Replicas;
import io.eventcommerce.servicekit.time.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.Optional;

/** Keeps the purchase order replica from catalog.purchase-order, each event once, newer versions only. */
@ApplicationScoped
public class PurchaseOrderReplica {

    public static final String CONSUMER = "insights-purchase-orders";

    private final EntityManager em;
    private final ReadModelGuard guard;
    private final EventRoutes routes;

    public PurchaseOrderReplica(EntityManager em, Inbox inbox, ReadModelGuard guard) {
        this.em = em;
        this.guard = guard;
        this.routes = EventRoutes.recordedIn(inbox, CONSUMER)
                .on(PurchaseOrderChanged.TYPE, this::keep)
                .build();
    }

    @Transactional
    public void apply(IncomingEvent event) {
        guard.admit();
        routes.apply(event);
    }

    private void keep(PurchaseOrderChanged changed, IncomingEvent event) {
        var snapshot = changed.purchaseOrder();
        Replicas.keep(Optional.ofNullable(em.find(PurchaseOrderFact.class, snapshot.purchaseOrderId())),
                snapshot, event.eventId(), Timestamps.now(), PurchaseOrderFact::from, em::persist);
    }
}
