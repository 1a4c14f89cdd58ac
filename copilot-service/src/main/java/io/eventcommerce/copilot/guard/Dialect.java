package io.eventcommerce.copilot.guard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;

import net.sf.jsqlparser.expression.OracleHint;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SetOperationList;

/**
 * How the server is told to stop a statement that runs too long. The two servers differ, so the guard writes the
 * limit in the form of the one it talks to:
 * <ul>
 *   <li>MySQL 8.4 (production): the optimizer hint {@code SELECT /*+ MAX_EXECUTION_TIME(ms) *&#47; …}, in
 *   milliseconds, placed after the first SELECT of the top-level query (MySQL ignores it anywhere else; for a
 *   UNION it covers the whole statement). MariaDB has no such hint and would read it as a plain comment.</li>
 *   <li>MariaDB 11.4 (embedded stack): {@code SET STATEMENT max_statement_time=<seconds> FOR SELECT …}, in seconds
 *   (fractions allowed). MySQL has no {@code SET STATEMENT … FOR} and would reject it.</li>
 * </ul>
 * Either way the limit is the server's, so it holds even if the client stops waiting.
 */
public enum Dialect {
    MYSQL {
        @Override
        String limitTime(Select top, Duration limit) {
            OracleHint hint = new OracleHint();
            hint.setValue("MAX_EXECUTION_TIME(" + limit.toMillis() + ")");
            firstPlain(top).setOracleHint(hint);
            return top.toString();
        }
    },
    MARIADB {
        @Override
        String limitTime(Select top, Duration limit) {
            BigDecimal seconds = BigDecimal.valueOf(limit.toMillis()).divide(BigDecimal.valueOf(1000), 3,
                    RoundingMode.UNNECESSARY).stripTrailingZeros();
            return "SET STATEMENT max_statement_time=" + seconds.toPlainString() + " FOR " + top;
        }
    };

    /** The statement to send: the checked top-level SELECT with the time limit in this server's form. */
    abstract String limitTime(Select top, Duration limit);

    /** The SELECT whose keyword comes first in the top-level query block (the first branch of a UNION). */
    private static PlainSelect firstPlain(Select select) {
        if (select instanceof PlainSelect plain) {
            return plain;
        }
        if (select instanceof SetOperationList list) {
            return firstPlain(list.getSelects().get(0));
        }
        return firstPlain(((ParenthesedSelect) select).getSelect());
    }
}
