package io.eventcommerce.events.catalog;

import io.eventcommerce.events.DomainEvent;
import io.eventcommerce.events.EventType;
import io.eventcommerce.events.Topics;

import java.time.Instant;
import java.util.UUID;

/**
 * A category was created, renamed or moved; carries its whole state, so the compacted topic keeps every category's
 * latest state and a replica (copilot-service's category paths) needs no other event and no call to catalog. Catalog
 * deletes no category today: a deletion would travel as a snapshot with {@code deleted} true.
 *
 * @param parentId null for a root
 * @param version  increases with every change; replicas ignore an older snapshot
 * @param deleted  the category is gone (never set yet: catalog-service has no deletion)
 */
public record CategoryChanged(UUID categoryId, String name, String slug, UUID parentId, long version,
                              boolean deleted, Instant changedAt) implements DomainEvent {

    public static final EventType<CategoryChanged> TYPE =
            new EventType<>("CategoryChanged", 1, Topics.CATALOG_CATEGORY, CategoryChanged.class);

    @Override
    public EventType<CategoryChanged> eventType() {
        return TYPE;
    }

    @Override
    public String aggregateId() {
        return categoryId.toString();
    }
}
