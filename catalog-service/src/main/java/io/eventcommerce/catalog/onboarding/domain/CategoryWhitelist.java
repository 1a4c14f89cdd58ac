package io.eventcommerce.catalog.onboarding.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The categories a row may name: the catalog's own, by slug or by name (case-insensitive). A slug is unique; a name
 * need not be, and a name several categories share is refused as ambiguous rather than guessed.
 */
public final class CategoryWhitelist {

    public record Category(UUID id, String name, String slug) {
    }

    /** The category a value names, or why none: exactly one of the two is set. */
    public record Match(UUID categoryId, String problem) {
    }

    private final Map<String, UUID> bySlug = new HashMap<>();
    private final Map<String, List<UUID>> byName = new HashMap<>();

    public CategoryWhitelist(Collection<Category> categories) {
        for (Category c : categories) {
            bySlug.put(c.slug().toLowerCase(Locale.ROOT), c.id());
            byName.computeIfAbsent(c.name().trim().toLowerCase(Locale.ROOT), n -> new ArrayList<>()).add(c.id());
        }
    }

    public Match match(String value) {
        String key = value.trim().toLowerCase(Locale.ROOT);
        UUID slugMatch = bySlug.get(key);
        if (slugMatch != null) {
            return new Match(slugMatch, null);
        }
        List<UUID> named = byName.getOrDefault(key, List.of());
        if (named.size() == 1) {
            return new Match(named.get(0), null);
        }
        String quoted = "'" + Texts.abbreviate(value.trim()) + "'";
        return new Match(null, named.isEmpty()
                ? quoted + " is not a catalog category (give its slug or name)"
                : quoted + " names " + named.size() + " categories; give the slug of one");
    }
}
