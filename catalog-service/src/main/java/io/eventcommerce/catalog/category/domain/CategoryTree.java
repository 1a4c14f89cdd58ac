package io.eventcommerce.catalog.category.domain;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/** Rules of the category hierarchy. */
public final class CategoryTree {

    /** Deeper trees are a data error, and the bound keeps the walk finite even if one slipped in. */
    public static final int MAX_DEPTH = 16;

    private CategoryTree() {
    }

    /**
     * Whether putting {@code category} under {@code newParent} would make it its own ancestor, or the tree deeper
     * than {@link #MAX_DEPTH}: walks up from the new parent.
     *
     * @param parentOf the current parent of a category (null for a root)
     */
    public static boolean wouldCreateCycle(UUID category, UUID newParent, Function<UUID, UUID> parentOf) {
        Set<UUID> seen = new HashSet<>();
        UUID current = newParent;
        while (current != null) {
            if (current.equals(category) || !seen.add(current) || seen.size() > MAX_DEPTH) {
                return true;
            }
            current = parentOf.apply(current);
        }
        return false;
    }
}
