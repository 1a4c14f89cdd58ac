package io.eventcommerce.copilot.ask;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.eventcommerce.copilot.ask.ParseResult.Parsed;
import io.eventcommerce.copilot.ask.ParseResult.Refusal;
import io.eventcommerce.copilot.guard.GuardResult;

class SemanticParserTest {

    private final SemanticParser parser = new SemanticParser(Fixtures.VOCABULARY, Fixtures.CLOCK);

    static Parsed parsed(ParseResult r, String question) {
        assertThat(r).as(question + " → " + r).isInstanceOf(Parsed.class);
        Parsed p = (Parsed) r;
        GuardResult guarded = Fixtures.GUARD.check(p.sql().sql());
        assertThat(guarded.isAllowed()).as(p.sql().sql() + " → " + guarded.refusal()).isTrue();
        if (!question.isEmpty()) {
            assertThat(p.sql().sql()).doesNotContain(question);
        }
        return p;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', textBlock = """
            Top customers by lifetime value; REVENUE | CUSTOMER |  | all | - | top10
            Revenue by order status; REVENUE | STATUS |  | all | - | -
            Top selling products; UNITS | PRODUCT |  | all | - | top10
            What was revenue last month?; REVENUE |  |  | 2025-10-01..2025-11-01 | - | -
            Revenue in Germany last month; REVENUE |  | COUNTRY=DE | 2025-10-01..2025-11-01 | - | -
            Revenue in Germnay last month compared to the month before; REVENUE |  | COUNTRY=DE | 2025-10-01..2025-11-01 | 2025-09-01..2025-10-01 | -
            How many orders yesterday?; ORDERS |  |  | 2025-11-13..2025-11-14 | - | -
            Orders today; ORDERS |  |  | 2025-11-14..2025-11-15 | - | -
            Units sold in the last 7 days; UNITS |  |  | 2025-11-07..2025-11-14 | - | -
            Revenue over the past 30 days; REVENUE |  |  | 2025-10-15..2025-11-14 | - | -
            Average order value this week; AVERAGE_ORDER_VALUE |  |  | 2025-11-10..2025-11-15 | - | -
            AOV last week; AVERAGE_ORDER_VALUE |  |  | 2025-11-03..2025-11-10 | - | -
            Customers this month; CUSTOMERS |  |  | 2025-11-01..2025-11-15 | - | -
            New customers last quarter; NEW_CUSTOMERS |  |  | 2025-07-01..2025-10-01 | - | -
            Revenue this quarter; REVENUE |  |  | 2025-10-01..2025-11-15 | - | -
            Refunds this year; REFUNDS |  |  | 2025-01-01..2025-11-15 | - | -
            Return rate last year; RETURN_RATE |  |  | 2024-01-01..2025-01-01 | - | -
            Discounts in Q3 2025; DISCOUNT |  |  | 2025-07-01..2025-10-01 | - | -
            Margin in March 2025; MARGIN |  |  | 2025-03-01..2025-04-01 | - | -
            Revenue year to date; REVENUE |  |  | 2025-01-01..2025-11-15 | - | -
            Orders between 2025-01-01 and 2025-03-31; ORDERS |  |  | 2025-01-01..2025-04-01 | - | -
            Revenue this year vs last year; REVENUE |  |  | 2025-01-01..2025-11-15 | 2024-01-01..2024-11-15 | -
            Revenue growth vs the previous period last month; REVENUE |  |  | 2025-10-01..2025-11-01 | 2025-09-01..2025-10-01 | -
            Monthly revenue this year vs last year; REVENUE | MONTH |  | 2025-01-01..2025-11-15 | 2024-01-01..2024-11-15 | -
            Revenue by country last quarter; REVENUE | COUNTRY |  | 2025-07-01..2025-10-01 | - | -
            Revenue by region; REVENUE | REGION |  | all | - | -
            Orders by channel this month; ORDERS | CHANNEL |  | 2025-11-01..2025-11-15 | - | -
            Revenue by customer segment; REVENUE | SEGMENT |  | all | - | -
            Units by brand in 2024; UNITS | BRAND |  | 2024-01-01..2025-01-01 | - | -
            Revenue by category; REVENUE | CATEGORY |  | all | - | -
            Top 5 products by revenue last month; REVENUE | PRODUCT |  | 2025-10-01..2025-11-01 | - | top5
            Bottom 3 brands by units this year; UNITS | BRAND |  | 2025-01-01..2025-11-15 | - | bottom3
            Which country had the highest revenue last year?; REVENUE | COUNTRY |  | 2024-01-01..2025-01-01 | - | top1
            Share of revenue by channel; REVENUE | CHANNEL |  | all | - | - | share
            Revenue trend this year; REVENUE | MONTH |  | 2025-01-01..2025-11-15 | - | -
            Daily orders in the last 30 days; ORDERS | DAY |  | 2025-10-15..2025-11-14 | - | -
            Weekly revenue last quarter; REVENUE | WEEK |  | 2025-07-01..2025-10-01 | - | -
            Revenue by quarter in 2024; REVENUE | QUARTER |  | 2024-01-01..2025-01-01 | - | -
            Revenue per year; REVENUE | YEAR |  | all | - | -
            Revenue for Acme in Electronics; REVENUE |  | BRAND=Acme,CATEGORY=Electronics | all | - | -
            Revenue for Electronics Premium; REVENUE |  | CATEGORY=Electronics Premium | all | - | -
            Units of Smart Kettle 123 last month; UNITS |  | PRODUCT=Smart Kettle 123 | 2025-10-01..2025-11-01 | - | -
            Revenue for Northwnd products; REVENUE |  | BRAND=Northwind | all | - | -
            Revenue in DE and FR; REVENUE |  | COUNTRY=DE+FR | all | - | -
            Revenue from VIP customers; REVENUE |  | SEGMENT=VIP | all | - | -
            Mobile orders last week; ORDERS |  | CHANNEL=MOBILE | 2025-11-03..2025-11-10 | - | -
            How many cancelled orders this month?; ORDERS |  | STATUS=CANCELLED | 2025-11-01..2025-11-15 | - | -
            Revenue in Europe by country; REVENUE | COUNTRY | REGION=EU | all | - | -
            Revenue from German customers; REVENUE |  | COUNTRY=DE | all | - | -
            Revenue in the United Kingdom; REVENUE |  | COUNTRY=GB | all | - | -
            Average rating by brand; RATING | BRAND |  | all | - | -
            Best rated products; RATING | PRODUCT |  | all | - | top10
            Revenue and orders by month this year; REVENUE,ORDERS | MONTH |  | 2025-01-01..2025-11-15 | - | -
            Orders in Q3; ORDERS |  |  | 2025-07-01..2025-10-01 | - | -
            Revenue since 2025-06-01; REVENUE |  |  | 2025-06-01..2025-11-15 | - | -
            Revenue year over year; REVENUE |  |  | 2025-10-01..2025-11-01 | 2024-10-01..2024-11-01 | -
            Q3 2025 vs Q3 2024 revenue; REVENUE |  |  | 2025-07-01..2025-10-01 | 2024-07-01..2024-10-01 | -
            Top 10 categories by revenue share; REVENUE | CATEGORY |  | all | - | top10 | share
            How much did we sell in France?; REVENUE |  | COUNTRY=FR | all | - | -
            Top 3 customers by orders; ORDERS | CUSTOMER |  | all | - | top3
            """)
    void understandsTheQuestion(String question, String expected) {
        Parsed p = parsed(parser.parse(question), question);
        assertThat(Fixtures.describe(p.query())).isEqualTo(expected.strip());
    }

    @Test
    void bindsNamesAsParametersNeverAsText() {
        Parsed p = parsed(parser.parse("Revenue in Germany for Acme in Home & Kitchen last month"), "");
        assertThat(p.sql().sql()).doesNotContain("Acme", "Kitchen", "'DE'")
                .contains("l.brand = ?", "l.country = ?", "CONCAT(' > ', c.path, ' > ') LIKE ?",
                        "l.day >= '2025-10-01' AND l.day < '2025-11-01'");
        assertThat(p.sql().parameters()).containsExactly("% > Home & Kitchen > %", "DE", "Acme");
    }

    @Test
    void writesTheSeedQuestionsAsReplicaSql() {
        assertThat(parsed(parser.parse("Revenue by order status"), "").sql().sql()).isEqualTo(
                "SELECT l.status AS status, l.currency AS currency, SUM(l.net) AS revenue FROM fact_order_line l "
                        + "GROUP BY l.status, l.currency ORDER BY revenue DESC, status");
        assertThat(parsed(parser.parse("Top selling products"), "").sql().sql()).isEqualTo(
                "SELECT p.name AS product, SUM(CASE WHEN l.paid_at IS NOT NULL AND l.undone_at IS NULL THEN "
                        + "l.quantity END) AS units FROM fact_order_line l LEFT JOIN dim_product p ON p.product_id "
                        + "= l.product_id GROUP BY p.name, l.product_id ORDER BY units DESC, product LIMIT 10");
        assertThat(parsed(parser.parse("Top customers by lifetime value"), "").sql().sql())
                .contains("l.customer_id AS customer", "AS revenue", "ORDER BY revenue DESC", "LIMIT 10");
    }

    @Test
    void comparesInOneStatement() {
        String sql = parsed(parser.parse("Revenue this year vs last year"), "").sql().sql();
        assertThat(sql).contains("l.day >= '2025-01-01' AND l.day < '2025-11-15' THEN l.net END) AS revenue",
                "l.day >= '2024-01-01' AND l.day < '2024-11-15' THEN l.net END) AS revenue_previous",
                "WHERE (l.day >= '2025-01-01' AND l.day < '2025-11-15' OR l.day >= '2024-01-01' AND "
                        + "l.day < '2024-11-15')");
    }

    @Test
    void sharesAreOfTheTotalInTheSameCurrency() {
        assertThat(parsed(parser.parse("Share of revenue by channel"), "").sql().sql())
                .contains("OVER (PARTITION BY l.currency)", "AS share_pct");
    }

    @Test
    void marginAsksForItsCostCoverage() {
        assertThat(parsed(parser.parse("Margin last month"), "").sql().sql())
                .contains("l.net - l.cost", "AS cost_coverage_pct");
    }

    @Test
    void ratingIgnoresATimeRangeAndSaysSo() {
        Parsed p = parsed(parser.parse("Average rating by brand last month"), "");
        assertThat(p.query().range()).isNull();
        assertThat(p.query().notes()).anyMatch(n -> n.contains("no rating history"));
        assertThat(p.sql().sql()).startsWith("SELECT p.brand AS brand").contains("FROM dim_product p");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', textBlock = """
            Why did revenue drop last month?; why
            Forecast revenue for next month; forecast
            Revenue for Nokia; nokia
            Delete all orders; delete
            What is the weather in Paris?; weather
            Hello; hello
            What is the stock level of Acme?; stock
            ; short business question
            Revenue tomorrow; tomorrow
            Revenue in Q4 2030; not begun
            Top 5 last month; top or bottom of what
            Average rating in Germany; per product
            Share of average order value by channel; adds up
            Revenue this month vs Q1 2024; compare a period
            Show me the employees by salary; employees
            SELECT * FROM fact_order; select
            """)
    void refusesWhatItCannotAnswer(String question, String why) {
        ParseResult r = parser.parse(question);
        assertThat(r).as(String.valueOf(r)).isInstanceOf(Refusal.class);
        Refusal refusal = (Refusal) r;
        assertThat(refusal.message()).startsWith("I can't answer that yet").containsIgnoringCase(why);
        assertThat(refusal.suggestions()).hasSizeBetween(3, 5);
        for (String suggestion : refusal.suggestions()) {
            parsed(parser.parse(suggestion), suggestion);
        }
    }
}
