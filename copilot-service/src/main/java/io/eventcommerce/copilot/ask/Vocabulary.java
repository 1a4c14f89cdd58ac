package io.eventcommerce.copilot.ask;

import java.util.Collection;

/**
 * The names a question can filter by, as the replica has them. The lead backs it with the replica (refreshed as
 * the catalogue changes); tests use a fixed one. Names only: a question's words are matched against these, and
 * only the matched canonical name reaches the SQL, as a bound parameter.
 */
public interface Vocabulary {

    /** Category names, any level ("Electronics", "Electronics Premium"). */
    Collection<String> categories();

    Collection<String> brands();

    Collection<String> products();

    /** ISO 3166 alpha-2 codes of the countries orders were shipped to. */
    Collection<String> countries();
}
