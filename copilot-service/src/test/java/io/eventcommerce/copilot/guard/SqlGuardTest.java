package io.eventcommerce.copilot.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.eventcommerce.copilot.guard.GuardRefusal.Reason;

class SqlGuardTest {

    private final SqlGuard mysql = new SqlGuard(ReplicaTables.CONTRACT, "copilot", Dialect.MYSQL,
            Duration.ofSeconds(5), 1000);
    private final SqlGuard mariadb = new SqlGuard(ReplicaTables.CONTRACT, "copilot", Dialect.MARIADB,
            Duration.ofMillis(2500), 1000);

    static Stream<Arguments> hostile() {
        return Stream.of(
                // several statements, writes, DDL
                Arguments.of("SELECT 1; DROP TABLE fact_order", Reason.MULTIPLE_STATEMENTS),
                Arguments.of("SELECT day FROM fact_order; SELECT 1", Reason.MULTIPLE_STATEMENTS),
                Arguments.of("DELETE FROM fact_order", Reason.NOT_SELECT),
                Arguments.of("UPDATE fact_order SET total = 0", Reason.NOT_SELECT),
                Arguments.of("INSERT INTO fact_order (order_id) VALUES ('x')", Reason.INTO),
                Arguments.of("DROP TABLE fact_order", Reason.NOT_SELECT),
                Arguments.of("TRUNCATE TABLE fact_order_line", Reason.NOT_SELECT),
                Arguments.of("CREATE TABLE x (a INT)", Reason.NOT_SELECT),
                Arguments.of("GRANT ALL ON *.* TO 'copilot_reader'", Reason.PARSE_ERROR),
                Arguments.of("SET GLOBAL max_connections = 1", Reason.NOT_SELECT),
                Arguments.of("CALL mysql.some_procedure()", Reason.NOT_SELECT),
                Arguments.of("SHOW DATABASES", Reason.NOT_SELECT),
                // comments, in every form, also hiding a second statement
                Arguments.of("SELECT day FROM fact_order -- ; DROP TABLE fact_order", Reason.COMMENT),
                Arguments.of("SELECT day FROM fact_order # comment", Reason.COMMENT),
                Arguments.of("SELECT /* x */ day FROM fact_order", Reason.COMMENT),
                Arguments.of("SELECT /*!50000 SLEEP(10) */ 1", Reason.COMMENT),
                Arguments.of("SELECT /*+ MAX_EXECUTION_TIME(999999) */ day FROM fact_order", Reason.COMMENT),
                Arguments.of("SELECT day FROM fact_order/**/UNION/**/SELECT user FROM mysql.user", Reason.COMMENT),
                // system schemas and other tables
                Arguments.of("SELECT table_name FROM information_schema.tables", Reason.SYSTEM_SCHEMA),
                Arguments.of("SELECT * FROM `INFORMATION_SCHEMA`.`TABLES`", Reason.SYSTEM_SCHEMA),
                Arguments.of("SELECT day FROM fact_order UNION SELECT user FROM mysql.user", Reason.SYSTEM_SCHEMA),
                Arguments.of("SELECT day FROM fact_order UNION ALL SELECT variable_value FROM "
                        + "performance_schema.global_variables", Reason.SYSTEM_SCHEMA),
                Arguments.of("SELECT * FROM sys.session", Reason.SYSTEM_SCHEMA),
                Arguments.of("SELECT mysql.user.user FROM fact_order", Reason.SYSTEM_SCHEMA),
                Arguments.of("SELECT * FROM orders.customer", Reason.TABLE_NOT_ALLOWED),
                Arguments.of("SELECT * FROM copilot_messages", Reason.TABLE_NOT_ALLOWED),
                Arguments.of("SELECT day FROM fact_order WHERE order_id IN (SELECT order_id FROM outbox_event)",
                        Reason.TABLE_NOT_ALLOWED),
                Arguments.of("SELECT day FROM fact_order WHERE EXISTS (SELECT 1 FROM fact_order_line l WHERE "
                        + "l.order_id IN (SELECT order_id FROM (SELECT 1 AS order_id FROM mysql.user) u))",
                        Reason.SYSTEM_SCHEMA),
                Arguments.of("WITH x AS (SELECT user FROM mysql.user) SELECT * FROM x", Reason.SYSTEM_SCHEMA),
                Arguments.of("SELECT * FROM (SELECT * FROM copilot.secret) s", Reason.TABLE_NOT_ALLOWED),
                // columns outside the contract, aliases resolved
                Arguments.of("SELECT password FROM dim_customer", Reason.COLUMN_NOT_ALLOWED),
                Arguments.of("SELECT c.email FROM dim_customer c", Reason.COLUMN_NOT_ALLOWED),
                Arguments.of("SELECT o.net FROM fact_order o", Reason.COLUMN_NOT_ALLOWED),
                Arguments.of("SELECT x.day FROM fact_order o", Reason.TABLE_NOT_ALLOWED),
                Arguments.of("SELECT day FROM fact_order WHERE card_number LIKE '4%'", Reason.COLUMN_NOT_ALLOWED),
                // INTO, variables, locks
                Arguments.of("SELECT day FROM fact_order INTO OUTFILE '/tmp/x'", Reason.INTO),
                Arguments.of("SELECT day INTO DUMPFILE '/tmp/x' FROM fact_order", Reason.INTO),
                Arguments.of("SELECT total INTO @t FROM fact_order", Reason.VARIABLE),
                Arguments.of("SELECT @@version", Reason.VARIABLE),
                Arguments.of("SELECT day FROM fact_order WHERE total > @x", Reason.VARIABLE),
                Arguments.of("SELECT @a := 1", Reason.VARIABLE),
                Arguments.of("SELECT day FROM fact_order FOR UPDATE", Reason.LOCKING),
                Arguments.of("SELECT day FROM fact_order FOR SHARE", Reason.LOCKING),
                Arguments.of("SELECT day FROM fact_order LOCK IN SHARE MODE", Reason.LOCKING),
                // functions, also hidden in WHERE, ORDER BY and subqueries
                Arguments.of("SELECT SLEEP(10)", Reason.FUNCTION_DENIED),
                Arguments.of("SELECT day FROM fact_order WHERE SLEEP(5) = 0", Reason.FUNCTION_DENIED),
                Arguments.of("SELECT day FROM fact_order ORDER BY BENCHMARK(10000000, MD5('a'))",
                        Reason.FUNCTION_DENIED),
                Arguments.of("SELECT LOAD_FILE('/etc/passwd')", Reason.FUNCTION_DENIED),
                Arguments.of("SELECT GET_LOCK('x', 10)", Reason.FUNCTION_DENIED),
                Arguments.of("SELECT day FROM fact_order WHERE total = (SELECT SLEEP(3))", Reason.FUNCTION_DENIED),
                Arguments.of("SELECT EXTRACTVALUE(1, CONCAT(0x5c, VERSION()))", Reason.FUNCTION_DENIED),
                Arguments.of("SELECT UPDATEXML(1, 'a', 'b')", Reason.FUNCTION_DENIED),
                Arguments.of("SELECT USER()", Reason.FUNCTION_DENIED),
                Arguments.of("SELECT DATABASE()", Reason.FUNCTION_DENIED),
                Arguments.of("SELECT MD5(order_id) FROM fact_order", Reason.FUNCTION_NOT_ALLOWED),
                Arguments.of("SELECT mysql.f(1)", Reason.FUNCTION_NOT_ALLOWED),
                Arguments.of("SELECT JSON_EXTRACT('{}', '$.a')", Reason.FUNCTION_NOT_ALLOWED),
                // encoded names and literals
                Arguments.of("SELECT COUNT(0x2f6574632f706173737764)", Reason.ENCODED_LITERAL),
                Arguments.of("SELECT day FROM fact_order WHERE status = 0x50414944", Reason.ENCODED_LITERAL),
                Arguments.of("SELECT CONCAT(CHAR(109,121,115,113,108))", Reason.PARSE_ERROR),
                Arguments.of("SELECT UNHEX('6D7973716C')", Reason.FUNCTION_DENIED),
                Arguments.of("SELECT day FROM fact_order WHERE status = 'a\\' OR 1=1 UNION SELECT 1'",
                        Reason.ENCODED_LITERAL),
                Arguments.of("SELECT day FROM fact_order WHERE status = \"PAID\"", Reason.UNSUPPORTED_SYNTAX),
                Arguments.of("SELECT * FROM `information_schema`.`columns`", Reason.SYSTEM_SCHEMA),
                // cross joins, size, syntax
                Arguments.of("SELECT COUNT(*) FROM fact_order_line a, fact_order_line b", Reason.CROSS_JOIN),
                Arguments.of("SELECT COUNT(*) FROM fact_order_line a CROSS JOIN fact_order_line b",
                        Reason.CROSS_JOIN),
                Arguments.of("SELECT COUNT(*) FROM fact_order_line a JOIN fact_order_line b ON 1 = 1",
                        Reason.CROSS_JOIN),
                Arguments.of("SELECT COUNT(*) FROM fact_order a NATURAL JOIN fact_order_line b", Reason.CROSS_JOIN),
                Arguments.of("SELECT a.day FROM dim_date a JOIN dim_date b ON a.day = b.day JOIN dim_date c ON "
                        + "c.day = b.day JOIN dim_date d ON d.day = c.day JOIN dim_date e ON e.day = d.day JOIN "
                        + "dim_date f ON f.day = e.day JOIN dim_date g ON g.day = f.day JOIN dim_date h ON h.day = "
                        + "g.day JOIN dim_date i ON i.day = h.day", Reason.TOO_COMPLEX),
                Arguments.of("SELECT day FROM fact_order WHERE total IN (SELECT total FROM fact_order WHERE total "
                        + "IN (SELECT total FROM fact_order WHERE total IN (SELECT total FROM fact_order WHERE "
                        + "total IN (SELECT total FROM fact_order WHERE total IN (SELECT total FROM fact_order)))))",
                        Reason.TOO_COMPLEX),
                Arguments.of("WITH RECURSIVE r (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT n FROM r",
                        Reason.UNSUPPORTED_SYNTAX),
                Arguments.of("SELECT day FROM fact_order LIMIT ?", Reason.LIMIT),
                Arguments.of("SELECT day FROM fact_order WHERE status REGEXP '(a+)+$'", Reason.UNSUPPORTED_SYNTAX),
                Arguments.of("SELECT day FROM fact_order WHERE", Reason.PARSE_ERROR),
                Arguments.of("HELLO WORLD", Reason.PARSE_ERROR),
                Arguments.of("SELECT day FROM fact_order WHERE status = 'PAID", Reason.PARSE_ERROR),
                Arguments.of("", Reason.EMPTY),
                Arguments.of("   ", Reason.EMPTY),
                Arguments.of("SELECT day FROM fact_order WHERE total > 0" + " AND total > 0".repeat(1_000),
                        Reason.TOO_LONG),
                Arguments.of("VALUES ROW(1, 2)", Reason.NOT_SELECT),
                Arguments.of("TABLE fact_order", Reason.NOT_SELECT),
                Arguments.of("HANDLER fact_order OPEN", Reason.PARSE_ERROR));
    }

    @ParameterizedTest(name = "[{index}] {1}: {0}")
    @MethodSource("hostile")
    void refusesHostileStatements(String sql, Reason reason) {
        GuardResult result = mysql.check(sql);
        assertThat(result.isAllowed()).as(String.valueOf(result.sql())).isFalse();
        assertThat(result.refusal().reason()).as(result.refusal().message()).isEqualTo(reason);
        assertThat(result.refusal().message()).isNotBlank();
        assertThat(mariadb.check(sql).isAllowed()).isFalse();
    }

    @Test
    void addsTheRowAndTimeLimits() {
        assertThat(mysql.check("SELECT status, SUM(net) AS revenue FROM fact_order_line GROUP BY status").sql())
                .isEqualTo("SELECT /*+ MAX_EXECUTION_TIME(5000) */ status, SUM(net) AS revenue FROM "
                        + "fact_order_line GROUP BY status LIMIT 1000");
        assertThat(mariadb.check("SELECT status FROM fact_order").sql())
                .isEqualTo("SET STATEMENT max_statement_time=2.5 FOR SELECT status FROM fact_order LIMIT 1000");
    }

    @Test
    void lowersALimitAboveTheMaximumInEveryForm() {
        assertThat(mysql.check("SELECT day FROM fact_order LIMIT 5000").sql()).endsWith("LIMIT 1000");
        assertThat(mysql.check("SELECT day FROM fact_order LIMIT 20").sql()).endsWith("LIMIT 20");
        assertThat(mysql.check("SELECT day FROM fact_order LIMIT 5000 OFFSET 10").sql())
                .endsWith("LIMIT 1000 OFFSET 10");
        assertThat(mysql.check("SELECT day FROM fact_order LIMIT 10, 5000").sql()).endsWith("LIMIT 10, 1000");
        assertThat(mysql.check("SELECT day FROM fact_order UNION SELECT day FROM fact_order_line LIMIT 99999")
                .sql()).endsWith("LIMIT 1000");
    }

    @Test
    void spellsOutStarAsTheAllowedColumns() {
        String sql = mysql.check("SELECT * FROM dim_category").sql();
        assertThat(sql).contains("dim_category.category_id", "dim_category.path").doesNotContain(" * ", "*,");
        assertThat(mysql.check("SELECT c.* FROM dim_category c").sql()).contains("c.root_name");
    }

    @Test
    void acceptsWhatAnAnalystWouldAsk() {
        String[] legal = {
            "SELECT p.name, SUM(l.net) AS revenue FROM fact_order_line l JOIN dim_product p ON p.product_id = "
                + "l.product_id WHERE l.paid_at IS NOT NULL AND l.undone_at IS NULL AND l.day >= '2025-01-01' "
                + "GROUP BY p.name ORDER BY revenue DESC LIMIT 10",
            "SELECT d.month_start, COUNT(DISTINCT o.order_id) FROM fact_order o JOIN dim_date d ON d.day = o.day "
                + "GROUP BY d.month_start ORDER BY 1",
            "WITH m AS (SELECT country, SUM(total) AS t FROM fact_order GROUP BY country) SELECT country, t, "
                + "t * 100 / SUM(t) OVER () AS share FROM m ORDER BY t DESC",
            "SELECT status, COUNT(*) AS orders, SUM(total) AS revenue FROM copilot.fact_order GROUP BY status",
            "SELECT CASE WHEN total > 100 THEN 'big' ELSE 'small' END AS size, COUNT(*) FROM fact_order "
                + "GROUP BY size",
            "SELECT day FROM fact_order o WHERE EXISTS (SELECT 1 FROM fact_order_line l WHERE l.order_id = "
                + "o.order_id AND l.brand = ?)",
            "SELECT COALESCE(brand, 'unknown'), ROUND(AVG(rating_average), 2) FROM dim_product GROUP BY brand",
            "SELECT YEAR(day), QUARTER(day), SUM(net) FROM fact_order_line WHERE day BETWEEN DATE '2025-01-01' "
                + "AND DATE_SUB(CURRENT_DATE, INTERVAL 1 DAY) GROUP BY YEAR(day), QUARTER(day)",
            "SELECT x.c FROM (SELECT country AS c FROM dim_customer) x LEFT JOIN fact_order o ON o.country = x.c",
            "SELECT 1",
        };
        for (String sql : legal) {
            GuardResult result = mysql.check(sql);
            assertThat(result.isAllowed()).as(sql + " → " + result.refusal()).isTrue();
            assertThat(result.sql()).contains("SELECT /*+ MAX_EXECUTION_TIME(5000) */").containsPattern("LIMIT \\d+$");
            assertThat(mariadb.check(sql).sql()).startsWith("SET STATEMENT max_statement_time=2.5 FOR ");
        }
    }

    @Test
    void putsTheMysqlHintInTheMainSelectOfACte() {
        assertThat(mysql.check("WITH m AS (SELECT country FROM fact_order) SELECT country FROM m").sql())
                .isEqualTo("WITH m AS (SELECT country FROM fact_order) SELECT /*+ MAX_EXECUTION_TIME(5000) */ "
                        + "country FROM m LIMIT 1000");
    }
}
