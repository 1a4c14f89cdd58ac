package io.eventcommerce.catalog.category.service;

import io.eventcommerce.catalog.category.domain.Category;
import io.eventcommerce.catalog.category.domain.CategoryRepository;
import io.eventcommerce.catalog.category.domain.CategoryTree;
import io.eventcommerce.catalog.category.domain.Slugs;
import io.eventcommerce.events.catalog.CategoryChanged;
import io.eventcommerce.servicekit.outbox.Outbox;
import io.eventcommerce.servicekit.problem.DomainException;
import io.eventcommerce.servicekit.rest.Page;
import io.eventcommerce.servicekit.time.Timestamps;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.UUID;

/**
 * The category tree. Every write publishes the category's full state ({@code CategoryChanged} on catalog.category)
 * through the outbox in its transaction, so copilot-service's category paths follow without calling catalog.
 */
@ApplicationScoped
public class CategoryService {

    private final CategoryRepository categories;
    private final Outbox outbox;

    public CategoryService(CategoryRepository categories, Outbox outbox) {
        this.categories = categories;
        this.outbox = outbox;
    }

    @Transactional
    public Category create(String name, String slug, UUID parentId) {
        String finalSlug = slug == null || slug.isBlank() ? Slugs.of(name) : slug;
        if (parentId != null && !categories.exists(parentId)) {
            throw DomainException.invalid("parentId", "unknown category");
        }
        if (categories.existsBySlug(finalSlug)) {
            throw DomainException.conflict("A category with slug '" + finalSlug + "' already exists");
        }
        Category category = new Category(UUID.randomUUID(), name.trim(), finalSlug, parentId, Timestamps.now());
        categories.persist(category);
        publish(category);
        return category;
    }

    /** Renames and/or moves a category; the slug stays, so links to it keep working. */
    @Transactional
    public Category change(UUID id, String name, UUID parentId) {
        Category category = get(id);
        if (parentId != null) {
            if (!categories.exists(parentId)) {
                throw DomainException.invalid("parentId", "unknown category");
            }
            if (CategoryTree.wouldCreateCycle(id, parentId, c -> categories.findByIdOptional(c)
                    .map(Category::parentId).orElse(null))) {
                throw DomainException.invalid("parentId", "would make the category its own ancestor");
            }
        }
        if (category.change(name.trim(), parentId, Timestamps.now())) {
            publish(category);
        }
        return category;
    }

    /** After a flush, so the snapshot carries the version the change was stored with. */
    private void publish(Category category) {
        categories.flush();
        outbox.publish(new CategoryChanged(category.id(), category.name(), category.slug(), category.parentId(),
                category.version(), false, category.updatedAt()));
    }

    public Category get(UUID id) {
        return categories.findByIdOptional(id).orElseThrow(() -> DomainException.notFound("Category", id));
    }

    public Page<Category> list(UUID parentId, int page, int size) {
        var query = parentId == null ? categories.findAll(Sort.by("name").and("id"))
                : categories.find("parentId", Sort.by("name").and("id"), parentId);
        return Page.of(query.page(page, size).list(), page, size, query.count());
    }
}
