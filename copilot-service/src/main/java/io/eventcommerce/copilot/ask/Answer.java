package io.eventcommerce.copilot.ask;

import java.util.List;

/** What the user sees: the sentence with the key figures, the result table and how to draw it. */
public record Answer(String sentence, List<String> columns, List<List<Object>> rows, ChartHint chart) {

    public Answer {
        columns = List.copyOf(columns);
        rows = rows.stream().map(r -> java.util.Collections.unmodifiableList(new java.util.ArrayList<>(r)))
                .toList();
    }
}
