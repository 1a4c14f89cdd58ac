package io.eventcommerce.copilot.ask;

import java.util.List;

/** Generated SQL and the values bound to its {@code ?}, in order (names matched from the question). */
public record SqlQuery(String sql, List<Object> parameters) {

    public SqlQuery {
        parameters = List.copyOf(parameters);
    }
}
