package io.eventcommerce.copilot.ask;

import java.util.List;

/** The parser's answer: a query with its SQL, or an honest refusal with questions it can answer. */
public sealed interface ParseResult {

    record Parsed(Query query, SqlQuery sql) implements ParseResult {
    }

    /** Never a guess: why not, and 3–5 questions that would work. */
    record Refusal(String message, List<String> suggestions) implements ParseResult {
        public Refusal {
            suggestions = List.copyOf(suggestions);
        }
    }
}
