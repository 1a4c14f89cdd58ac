package io.eventcommerce.orders.catalog.service;

import io.eventcommerce.events.catalog.PromotionCreated;
import io.eventcommerce.events.catalog.PromotionSnapshot;
import io.eventcommerce.events.catalog.PromotionUpdated;
import io.eventcommerce.orders.catalog.domain.CatalogPromotion;
import io.eventcommerce.orders.catalog.domain.CatalogPromotionRepository;
import io.eventcommerce.servicekit.inbox.Inbox;
import io.eventcommerce.servicekit.messaging.IncomingEvent;
import io.eventcommerce.servicekit.time.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;

/** Keeps the promotion replica: each catalog.promotion event is applied once, in the transaction that records it. */
@ApplicationScoped
public class PromotionReplicaHandler {

    public static final String CONSUMER = "promotion-replica";
    private static final Logger LOG = Logger.getLogger(PromotionReplicaHandler.class);

    private final CatalogPromotionRepository promotions;
    private final Inbox inbox;

    public PromotionReplicaHandler(CatalogPromotionRepository promotions, Inbox inbox) {
        this.promotions = promotions;
        this.inbox = inbox;
    }

    @Transactional
    public void apply(IncomingEvent event) {
        PromotionSnapshot snapshot;
        if (event.is(PromotionCreated.TYPE)) {
            snapshot = event.data(PromotionCreated.TYPE).promotion();
        } else if (event.is(PromotionUpdated.TYPE)) {
            snapshot = event.data(PromotionUpdated.TYPE).promotion();
        } else {
            LOG.debugf("Ignoring %s", event);
            return;
        }
        if (!inbox.firstDelivery(CONSUMER, event.eventId(), event.type())) {
            LOG.debugf("Already applied %s", event);
            return;
        }
        Instant now = Timestamps.now();
        promotions.findByIdOptional(snapshot.promotionId()).ifPresentOrElse(
                replica -> {
                    if (!replica.update(snapshot, event.eventId(), now)) {
                        LOG.debugf("Stale snapshot %s of promotion %s ignored (replica has %s)",
                                (Object) snapshot.version(), snapshot.promotionId(), (Object) replica.version());
                    }
                },
                () -> promotions.persist(CatalogPromotion.from(snapshot, event.eventId(), now)));
    }
}
