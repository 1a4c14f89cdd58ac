package io.eventcommerce.copilot.ask;

import java.util.List;

/** Keep only rows whose {@code field} is one of {@code values} (canonical names from the vocabulary). */
public record Filter(Dimension field, List<String> values) {

    public Filter {
        values = List.copyOf(values);
    }

    static Filter of(Dimension field, String value) {
        return new Filter(field, List.of(value));
    }
}
