package io.eventcommerce.copilot.replica.service;

import io.eventcommerce.copilot.replica.domain.Category;
import io.eventcommerce.events.catalog.CategoryChanged;
import io.eventcommerce.servicekit.inbox.Inbox;
import io.eventcommerce.servicekit.messaging.EventRoutes;
import io.eventcommerce.servicekit.messaging.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * catalog.category into {@code dim_category}, each event once, newer versions only. A change of one category moves
 * its descendants' paths too, and a child may come before its parent (a rebuild, another partition): so after every
 * change each category's root, path and depth are derived again from the parents known here, walking up until a
 * root or a parent not known yet (the highest known ancestor is then its root until the parent arrives). The tree is
 * a few hundred rows: all of them are read, and Hibernate writes only those whose place changed.
 */
@ApplicationScoped
public class CategoryPaths {

    public static final String CONSUMER = "copilot-categories";
    static final String SEPARATOR = " > ";

    private final EntityManager em;
    private final EventRoutes routes;

    public CategoryPaths(EntityManager em, Inbox inbox) {
        this.em = em;
        this.routes = EventRoutes.recordedIn(inbox, CONSUMER).on(CategoryChanged.TYPE, this::keep).build();
    }

    @Transactional
    public void apply(IncomingEvent event) {
        routes.apply(event);
    }

    private void keep(CategoryChanged c) {
        Category current = em.find(Category.class, c.categoryId());
        if (current != null && current.version() >= c.version()) {
            return;
        }
        if (c.deleted()) {
            if (current != null) {
                em.remove(current);
            }
        } else if (current == null) {
            em.persist(new Category(c.categoryId(), c.name(), c.parentId(), c.version()));
        } else {
            current.change(c.name(), c.parentId(), c.version());
        }
        em.flush();
        derivePaths();
    }

    private void derivePaths() {
        List<Category> all = em.createQuery("SELECT c FROM Category c", Category.class).getResultList();
        Map<UUID, Category> byId = all.stream().collect(Collectors.toMap(Category::id, Function.identity()));
        for (Category category : all) {
            List<Category> chain = new ArrayList<>();
            Set<UUID> seen = new HashSet<>();
            Category at = category;
            // Up to the root or the first unknown parent; a cycle (catalog refuses one) stops the walk as well.
            while (at != null && seen.add(at.id())) {
                chain.add(0, at);
                at = at.parentId() == null ? null : byId.get(at.parentId());
            }
            Category root = chain.get(0);
            String path = chain.stream().map(Category::name).collect(Collectors.joining(SEPARATOR));
            category.placeAt(root.id(), root.name(), path, chain.size() - 1);
        }
    }
}
