package io.eventcommerce.catalog.category.domain;

import java.text.Normalizer;
import java.util.Locale;

/** URL-safe identifiers derived from names: "Kitchen & Dining" becomes "kitchen-dining". */
public final class Slugs {

    private Slugs() {
    }

    public static String of(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return slug.isEmpty() ? "category" : slug;
    }
}
