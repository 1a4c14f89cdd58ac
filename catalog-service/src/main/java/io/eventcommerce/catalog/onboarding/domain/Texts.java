package io.eventcommerce.catalog.onboarding.domain;

import java.text.Normalizer;
import java.util.Locale;

/** Text helpers of onboarding. */
public final class Texts {

    private static final int QUOTED_MAX = 60;

    private Texts() {
    }

    /**
     * The form under which the database's collation (utf8mb4 *_ai_ci on MySQL 8.4 and MariaDB 11.4: case- and
     * accent-insensitive) considers two keys equal, so duplicates in a file are found the way the unique keys will
     * find them.
     */
    public static String fold(String key) {
        return Normalizer.normalize(key, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }

    /** A value short enough to quote in a message. */
    public static String abbreviate(String value) {
        return value.length() <= QUOTED_MAX ? value : value.substring(0, QUOTED_MAX) + "…";
    }

    /** Whether the text holds a control character (a tab, a line break, ...). */
    public static boolean hasControlCharacters(String value) {
        return value.chars().anyMatch(Character::isISOControl);
    }
}
