package io.eventcommerce.orders.catalog.service;

import io.eventcommerce.events.catalog.PromotionCreated;
import io.eventcommerce.events.catalog.PromotionSnapshot;
import io.eventcommerce.events.catalog.PromotionUpdated;
import io.eventcommerce.orders.catalog.domain.CatalogPromotion;
import io.eventcommerce.orders.catalog.domain.CatalogPromotionRepository;
import io.eventcommerce.servicekit.inbox.Inbox;
import io.eventcommerce.servicekit.messaging.EventRoutes;
import io.eventcommerce.servicekit.messaging.IncomingEvent;
import io.eventcommerce.servicekit.persistence.Replicas;
import io.eventcommerce.servicekit.time.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Keeps the promotion replica: each catalog.promotion event is applied once, in the transaction that records it. */
@ApplicationScoped
public class PromotionReplicaHandler {

    public static final String CONSUMER = "promotion-replica";

    private final CatalogPromotionRepository promotions;
    private final EventRoutes routes;

    public PromotionReplicaHandler(CatalogPromotionRepository promotions, Inbox inbox) {
        this.promotions = promotions;
        this.routes = EventRoutes.recordedIn(inbox, CONSUMER)
                .on(PromotionCreated.TYPE, (created, event) -> keep(created.promotion(), event))
                .on(PromotionUpdated.TYPE, (updated, event) -> keep(updated.promotion(), event))
                .build();
    }

    @Transactional
    public void apply(IncomingEvent event) {
        routes.apply(event);
    }

    private void keep(PromotionSnapshot snapshot, IncomingEvent event) {
        Replicas.keep(promotions.findByIdOptional(snapshot.promotionId()), snapshot, event.eventId(),
                Timestamps.now(), CatalogPromotion::from, promotions::persist);
    }
}
