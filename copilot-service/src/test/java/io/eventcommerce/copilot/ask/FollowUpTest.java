package io.eventcommerce.copilot.ask;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.eventcommerce.copilot.ask.ParseResult.Parsed;

class FollowUpTest {

    private final SemanticParser parser = new SemanticParser(Fixtures.VOCABULARY, Fixtures.CLOCK);

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = ';', textBlock = """
            Revenue in Germany last month; and in France?; REVENUE |  | COUNTRY=FR | 2025-10-01..2025-11-01 | - | -
            Revenue in Germany last month; what about Europe?; REVENUE |  | REGION=EU | 2025-10-01..2025-11-01 | - | -
            Revenue in Germany last month; the same for last year; REVENUE |  | COUNTRY=DE | 2024-01-01..2025-01-01 | - | -
            Revenue by category this year; break it down by channel; REVENUE | CATEGORY,CHANNEL |  | 2025-01-01..2025-11-15 | - | -
            Revenue by product this year; only the top 5; REVENUE | PRODUCT |  | 2025-01-01..2025-11-15 | - | top5
            Revenue in Germany last month; what about orders?; ORDERS |  | COUNTRY=DE | 2025-10-01..2025-11-01 | - | -
            Revenue for Acme this year; and for Globex?; REVENUE |  | BRAND=Globex | 2025-01-01..2025-11-15 | - | -
            Revenue for Acme this year; and in Electronics?; REVENUE |  | CATEGORY=Electronics | 2025-01-01..2025-11-15 | - | -
            Revenue last month compared to the month before; and in Germany?; REVENUE |  | COUNTRY=DE | 2025-10-01..2025-11-01 | 2025-09-01..2025-10-01 | -
            Revenue last month compared to the month before; the same for last quarter; REVENUE |  |  | 2025-07-01..2025-10-01 | 2025-04-01..2025-07-01 | -
            Revenue by month this year; by week instead; REVENUE | WEEK |  | 2025-01-01..2025-11-15 | - | -
            Top 10 products by units last month; and for Acme?; UNITS | PRODUCT | BRAND=Acme | 2025-10-01..2025-11-01 | - | top10
            Orders by country this year; and for mobile?; ORDERS | COUNTRY | CHANNEL=MOBILE | 2025-01-01..2025-11-15 | - | -
            Revenue in Germany last month; Germnay this year; REVENUE |  | COUNTRY=DE | 2025-01-01..2025-11-15 | - | -
            """)
    void readsAFollowUpAgainstThePreviousQuery(String first, String followUp, String expected) {
        Parsed previous = SemanticParserTest.parsed(parser.parse(first), first);
        Parsed next = SemanticParserTest.parsed(parser.parse(followUp, new ConversationContext(previous.query())),
                followUp);
        assertThat(Fixtures.describe(next.query())).isEqualTo(expected.strip());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', textBlock = """
            Revenue in France last month; REVENUE |  | COUNTRY=FR | 2025-10-01..2025-11-01 | - | -
            Orders by channel; ORDERS | CHANNEL |  | all | - | -
            """)
    void aQuestionWithItsOwnMetricStandsAlone(String question, String expected) {
        Parsed previous = SemanticParserTest.parsed(parser.parse("Units for Acme this year by brand"), "");
        Parsed next = SemanticParserTest.parsed(parser.parse(question, new ConversationContext(previous.query())),
                question);
        assertThat(Fixtures.describe(next.query())).isEqualTo(expected.strip());
    }
}
