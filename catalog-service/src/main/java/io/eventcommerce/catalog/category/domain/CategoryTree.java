package io.eventcommerce.catalog.category.domain;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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

    /**
     * {@code root} and every category below it.
     *
     * @param parentOf each category's parent (null for a root)
     */
    public static Set<UUID> subtree(UUID root, Map<UUID, UUID> parentOf) {
        Map<UUID, List<UUID>> children = new HashMap<>();
        parentOf.forEach((child, parent) -> {
            if (parent != null) {
                children.computeIfAbsent(parent, p -> new ArrayList<>()).add(child);
            }
        });
        Set<UUID> subtree = new LinkedHashSet<>();
        Deque<UUID> pending = new ArrayDeque<>(List.of(root));
        while (!pending.isEmpty()) {
            UUID next = pending.pop();
            if (subtree.add(next)) {
                pending.addAll(children.getOrDefault(next, List.of()));
            }
        }
        return subtree;
    }
}
