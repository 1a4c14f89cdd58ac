package io.eventcommerce.copilot.guard;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.BooleanValue;
import net.sf.jsqlparser.expression.CaseExpression;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.DateTimeLiteralExpression;
import net.sf.jsqlparser.expression.DateValue;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExtractExpression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.HexValue;
import net.sf.jsqlparser.expression.IntervalExpression;
import net.sf.jsqlparser.expression.JdbcNamedParameter;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.MySQLGroupConcat;
import net.sf.jsqlparser.expression.NotExpression;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.Parenthesis;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.TimeKeyExpression;
import net.sf.jsqlparser.expression.TimeValue;
import net.sf.jsqlparser.expression.TimestampValue;
import net.sf.jsqlparser.expression.TrimFunction;
import net.sf.jsqlparser.expression.UserVariable;
import net.sf.jsqlparser.expression.VariableAssignment;
import net.sf.jsqlparser.expression.WhenClause;
import net.sf.jsqlparser.expression.operators.arithmetic.Addition;
import net.sf.jsqlparser.expression.operators.arithmetic.Division;
import net.sf.jsqlparser.expression.operators.arithmetic.IntegerDivision;
import net.sf.jsqlparser.expression.operators.arithmetic.Modulo;
import net.sf.jsqlparser.expression.operators.arithmetic.Multiplication;
import net.sf.jsqlparser.expression.operators.arithmetic.Subtraction;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.conditional.XorExpression;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ExistsExpression;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.GreaterThan;
import net.sf.jsqlparser.expression.operators.relational.GreaterThanEquals;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.IsBooleanExpression;
import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;
import net.sf.jsqlparser.expression.operators.relational.LikeExpression;
import net.sf.jsqlparser.expression.operators.relational.MinorThan;
import net.sf.jsqlparser.expression.operators.relational.MinorThanEquals;
import net.sf.jsqlparser.expression.operators.relational.NotEqualsTo;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.Limit;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.WithItem;

import io.eventcommerce.copilot.guard.GuardRefusal.Reason;

/**
 * The one gate every statement passes before it reaches the replica, whoever wrote it (the built-in parser or an
 * LLM). It allows only what it understands: one plain SELECT (UNIONs and CTEs when every part passes) over the
 * allow-listed tables and columns, with functions from an allow-list; anything else — a node type it does not
 * know included — is refused with a reason. What it lets through is not the input but the checked AST printed
 * again, with a row limit (added, or lowered to {@link #MAX_ROWS}), {@code *} spelled out as the allowed columns,
 * and the server's statement time limit ({@link Dialect}). The read-only database user is the second wall.
 */
public final class SqlGuard {

    public static final int MAX_ROWS = 1_000;
    static final int MAX_LENGTH = 10_000;
    static final int MAX_DEPTH = 4;
    static final int MAX_TABLES = 8;

    static final Set<String> SYSTEM_SCHEMAS = Set.of("information_schema", "mysql", "performance_schema", "sys");

    /** Named so the refusal says what was tried; anything off {@link #FUNCTIONS} is refused anyway. */
    static final Set<String> DENIED_FUNCTIONS = Set.of("SLEEP", "BENCHMARK", "LOAD_FILE", "GET_LOCK",
            "RELEASE_LOCK", "RELEASE_ALL_LOCKS", "IS_FREE_LOCK", "IS_USED_LOCK", "MASTER_POS_WAIT",
            "SOURCE_POS_WAIT", "USER", "CURRENT_USER", "SESSION_USER", "SYSTEM_USER", "DATABASE", "SCHEMA",
            "VERSION", "CONNECTION_ID", "LAST_INSERT_ID", "ROW_COUNT", "FOUND_ROWS", "EXTRACTVALUE", "UPDATEXML",
            "SYS_EVAL", "SYS_EXEC", "UUID", "RAND", "NAME_CONST", "GTID_SUBSET", "WAIT_FOR_EXECUTED_GTID_SET",
            "LOAD_DATA", "UNHEX", "CHAR", "FROM_BASE64", "AES_DECRYPT", "DES_DECRYPT", "DECODE", "PASSWORD");

    static final Set<String> FUNCTIONS = Set.of(
            // aggregates
            "COUNT", "SUM", "AVG", "MIN", "MAX", "STDDEV", "STDDEV_POP", "STDDEV_SAMP", "VARIANCE", "VAR_POP",
            "VAR_SAMP", "BIT_AND",
            // window functions
            "ROW_NUMBER", "RANK", "DENSE_RANK", "PERCENT_RANK", "CUME_DIST", "NTILE", "LAG", "LEAD",
            "FIRST_VALUE", "LAST_VALUE",
            // conditionals
            "COALESCE", "IFNULL", "NULLIF", "IF", "GREATEST", "LEAST",
            // maths
            "ROUND", "TRUNCATE", "FLOOR", "CEIL", "CEILING", "ABS", "SIGN", "MOD", "POWER", "POW", "SQRT", "LN",
            "LOG", "LOG10", "EXP",
            // dates
            "DATE", "YEAR", "QUARTER", "MONTH", "WEEK", "WEEKDAY", "YEARWEEK", "DAY", "DAYOFMONTH", "DAYOFWEEK",
            "DAYOFYEAR", "DAYNAME", "MONTHNAME", "LAST_DAY", "DATE_FORMAT", "DATE_ADD", "DATE_SUB", "ADDDATE",
            "SUBDATE", "DATEDIFF", "TIMESTAMPDIFF", "CURDATE", "CURRENT_DATE", "NOW", "CURRENT_TIMESTAMP",
            "UTC_DATE", "UTC_TIMESTAMP", "STR_TO_DATE", "MAKEDATE", "TO_DAYS",
            // strings
            "CONCAT", "CONCAT_WS", "LOWER", "UPPER", "LCASE", "UCASE", "LENGTH", "CHAR_LENGTH", "SUBSTRING",
            "SUBSTR", "SUBSTRING_INDEX", "LEFT", "RIGHT", "TRIM", "LTRIM", "RTRIM", "LPAD", "RPAD", "REPLACE",
            "LOCATE", "INSTR", "FORMAT");

    private static final Set<Class<?>> BINARY = Set.of(Addition.class, Subtraction.class, Multiplication.class,
            Division.class, IntegerDivision.class, Modulo.class, EqualsTo.class, NotEqualsTo.class,
            GreaterThan.class, GreaterThanEquals.class, MinorThan.class, MinorThanEquals.class, AndExpression.class,
            OrExpression.class, XorExpression.class, LikeExpression.class);

    private static final Set<Class<?>> LITERALS = Set.of(LongValue.class, DoubleValue.class, StringValue.class,
            NullValue.class, DateValue.class, TimeValue.class, TimestampValue.class, BooleanValue.class,
            DateTimeLiteralExpression.class, JdbcParameter.class);

    private static final Set<String> TIME_KEYS = Set.of("CURRENT_DATE", "CURRENT_TIME", "CURRENT_TIMESTAMP",
            "LOCALTIME", "LOCALTIMESTAMP", "UTC_DATE", "UTC_TIMESTAMP");

    private final Map<String, Set<String>> allowed;
    private final String schema;
    private final Dialect dialect;
    private final Duration timeLimit;
    private final int maxRows;

    /**
     * @param allowed   table → its columns that may be read (the replica contract), names as in the schema
     * @param schema    the replica's schema name a query may qualify tables with ({@code copilot}), or null
     * @param dialect   the server the statement goes to
     * @param timeLimit the server-side statement time limit
     * @param maxRows   the row limit, at most {@link #MAX_ROWS}
     */
    public SqlGuard(Map<String, Set<String>> allowed, String schema, Dialect dialect, Duration timeLimit,
                    int maxRows) {
        if (maxRows < 1 || maxRows > MAX_ROWS) {
            throw new IllegalArgumentException("maxRows must be 1.." + MAX_ROWS);
        }
        Map<String, Set<String>> lower = new HashMap<>();
        allowed.forEach((table, columns) -> lower.put(lc(table),
                Set.copyOf(columns.stream().map(SqlGuard::lc).toList())));
        this.allowed = Map.copyOf(lower);
        this.schema = schema == null ? null : lc(schema);
        this.dialect = dialect;
        this.timeLimit = timeLimit;
        this.maxRows = maxRows;
    }

    /** Checks one statement; returns the SQL to run or the reason it may not run. */
    public GuardResult check(String sql) {
        if (sql == null || sql.isBlank()) {
            return GuardResult.refused(Reason.EMPTY, "The query is empty.");
        }
        if (sql.length() > MAX_LENGTH) {
            return GuardResult.refused(Reason.TOO_LONG, "The query is longer than " + MAX_LENGTH + " characters.");
        }
        var lexical = SqlText.check(sql);
        if (lexical.isPresent()) {
            return new GuardResult(null, lexical.get());
        }
        String text = sql.strip();
        if (text.endsWith(";")) {
            text = text.substring(0, text.length() - 1);
        }
        Statement statement;
        try {
            statement = CCJSqlParserUtil.parse(text, parser -> parser.withTimeOut(2_000));
        } catch (JSQLParserException | RuntimeException e) {
            return GuardResult.refused(Reason.PARSE_ERROR, "The query could not be read as one SQL statement.");
        }
        if (!(statement instanceof Select select)) {
            return GuardResult.refused(Reason.NOT_SELECT, "Only SELECT queries are accepted.");
        }
        try {
            Select top = select;
            while (top instanceof ParenthesedSelect p && p.getLimit() == null && p.getOffset() == null
                    && p.getOrderByElements() == null && p.getWithItemsList() == null) {
                top = p.getSelect();
            }
            new Walk().select(top, null, new HashMap<>(), 0);
            limitRows(top);
            return GuardResult.allowed(dialect.limitTime(top, timeLimit));
        } catch (Refused r) {
            return GuardResult.refused(r.reason, r.getMessage());
        }
    }

    private void limitRows(Select top) {
        Limit limit = top.getLimit();
        if (limit == null || limit.isLimitAll() || limit.isLimitNull() || limit.getRowCount() == null) {
            Limit added = new Limit().withRowCount(new LongValue(maxRows));
            if (limit != null && limit.getOffset() != null) {
                added.setOffset(literalCount(limit.getOffset()));
            }
            top.setLimit(added);
        } else {
            long rows = literalCount(limit.getRowCount()).getValue();
            if (rows > maxRows) {
                limit.setRowCount(new LongValue(maxRows));
            }
            if (limit.getOffset() != null) {
                literalCount(limit.getOffset());
            }
        }
        if (top.getOffset() != null) {
            literalCount(top.getOffset().getOffset());
        }
    }

    private static LongValue literalCount(Expression e) {
        if (e instanceof LongValue v && v.getValue() >= 0) {
            return v;
        }
        throw new Refused(Reason.LIMIT, "LIMIT and OFFSET take a plain non-negative number.");
    }

    static String lc(String name) {
        String n = name.strip();
        if (n.length() >= 2 && n.startsWith("`") && n.endsWith("`")) {
            n = n.substring(1, n.length() - 1);
        }
        return n.toLowerCase(Locale.ROOT);
    }

    private static final class Refused extends RuntimeException {
        final Reason reason;

        Refused(Reason reason, String message) {
            super(message, null, false, false);
            this.reason = reason;
        }
    }

    /** A row source visible in a query block: an allowed table, a CTE or a derived table, by its alias. */
    private record Source(String alias, List<String> columns) {
    }

    /** The sources and select-list aliases of one query block; {@code outer} for correlated subqueries. */
    private static final class Scope {
        final Scope outer;
        final Map<String, Source> sources = new LinkedHashMap<>();
        final Set<String> aliases = new LinkedHashSet<>();

        Scope(Scope outer) {
            this.outer = outer;
        }
    }

    /** One walk over one statement's AST; counts the tables it meets. */
    private final class Walk {
        private int tables;

        /** Checks a query and returns the names of its output columns. */
        List<String> select(Select s, Scope outer, Map<String, List<String>> ctes, int depth) {
            if (depth > MAX_DEPTH) {
                throw new Refused(Reason.TOO_COMPLEX, "Subqueries are nested more than " + MAX_DEPTH + " deep.");
            }
            if (s.getForMode() != null || s.getForUpdateTable() != null || s.isNoWait() || s.isSkipLocked()
                    || s.getWait() != null || s.getForClause() != null || s.getIsolation() != null) {
                throw new Refused(Reason.LOCKING, "Locking reads are not accepted.");
            }
            if (s.getFetch() != null || s.getLimitBy() != null || s.getPivot() != null || s.getUnPivot() != null) {
                throw unsupported("FETCH, LIMIT BY, PIVOT");
            }
            Map<String, List<String>> visible = new HashMap<>(ctes);
            if (s.getWithItemsList() != null) {
                for (WithItem<?> with : s.getWithItemsList()) {
                    if (with.isRecursive()) {
                        throw unsupported("recursive WITH");
                    }
                    if (with.getSelect() == null) {
                        throw new Refused(Reason.NOT_SELECT, "A WITH part must be a SELECT.");
                    }
                    List<String> columns = select(with.getSelect(), null, visible, depth + 1);
                    if (with.getWithItemList() != null) {
                        columns = with.getWithItemList().stream().map(i -> lc(i.toString())).toList();
                    }
                    visible.put(lc(with.getUnquotedAliasName()), columns);
                }
            }
            List<String> out;
            if (s instanceof PlainSelect plain) {
                out = plain(plain, outer, visible, depth);
            } else if (s instanceof SetOperationList list) {
                out = null;
                for (Select part : list.getSelects()) {
                    List<String> columns = select(part, outer, visible, depth + 1);
                    out = out == null ? columns : out;
                }
                Scope scope = new Scope(outer);
                scope.aliases.addAll(out);
                orderBy(list.getOrderByElements(), scope, visible, depth);
            } else if (s instanceof ParenthesedSelect p) {
                out = select(p.getSelect(), outer, visible, depth);
                orderBy(p.getOrderByElements(), new Scope(outer), visible, depth);
            } else {
                throw new Refused(Reason.NOT_SELECT, "Only SELECT queries are accepted.");
            }
            return out;
        }

        private List<String> plain(PlainSelect p, Scope outer, Map<String, List<String>> ctes, int depth) {
            if (p.getIntoTables() != null || p.getIntoTempTable() != null) {
                throw new Refused(Reason.INTO, "SELECT … INTO is not accepted.");
            }
            if (p.getOracleHint() != null || p.getTop() != null || p.getSkip() != null || p.getFirst() != null
                    || p.getSampleClause() != null || p.getLateralViews() != null
                    || p.getOracleHierarchical() != null || p.getWindowDefinitions() != null
                    || p.getPreferringClause() != null || p.getQualify() != null || p.getKsqlWindow() != null
                    || p.getForXmlPath() != null || p.getMySqlSqlCacheFlag() != null
                    || (p.getDistinct() != null && p.getDistinct().getOnSelectItems() != null)) {
                throw unsupported("this clause");
            }
            Scope scope = new Scope(outer);
            if (p.getFromItem() != null) {
                addSource(p.getFromItem(), scope, ctes, depth);
            }
            if (p.getJoins() != null) {
                for (Join join : p.getJoins()) {
                    boolean hasOn = join.getOnExpressions() != null && !join.getOnExpressions().isEmpty();
                    boolean hasUsing = join.getUsingColumns() != null && !join.getUsingColumns().isEmpty();
                    if (join.isSimple() || join.isCross() || join.isNatural() || (!hasOn && !hasUsing)) {
                        throw new Refused(Reason.CROSS_JOIN, "Every join needs an ON or USING condition.");
                    }
                    if (join.isApply() || join.isWindowJoin() || join.isFull()) {
                        throw unsupported("this join");
                    }
                    addSource(join.getRightItem(), scope, ctes, depth);
                }
                for (Join join : p.getJoins()) {
                    if (join.getOnExpressions() != null) {
                        for (Expression on : join.getOnExpressions()) {
                            if (!joinsColumns(on)) {
                                throw new Refused(Reason.CROSS_JOIN,
                                        "A join condition must equate a column of each side.");
                            }
                            expression(on, scope, ctes, depth);
                        }
                    }
                    if (join.getUsingColumns() != null) {
                        for (Column c : join.getUsingColumns()) {
                            column(new Column(lc(c.getColumnName())), scope);
                        }
                    }
                }
            }
            List<SelectItem<?>> items = new ArrayList<>();
            List<String> out = new ArrayList<>();
            for (SelectItem<?> item : p.getSelectItems()) {
                Expression e = item.getExpression();
                if (e instanceof AllTableColumns all) {
                    Source source = scope.sources.get(lc(all.getTable().getName()));
                    if (source == null) {
                        throw new Refused(Reason.TABLE_NOT_ALLOWED, "Unknown table " + all.getTable() + ".");
                    }
                    expand(source, items, out);
                } else if (e instanceof AllColumns) {
                    if (scope.sources.isEmpty()) {
                        throw unsupported("* without FROM");
                    }
                    scope.sources.values().forEach(source -> expand(source, items, out));
                } else {
                    expression(e, scope, ctes, depth);
                    items.add(item);
                    if (item.getAlias() != null) {
                        String alias = lc(item.getAlias().getName());
                        scope.aliases.add(alias);
                        out.add(alias);
                    } else {
                        out.add(e instanceof Column c ? lc(c.getColumnName()) : lc(e.toString()));
                    }
                }
            }
            p.setSelectItems(items);
            expression(p.getWhere(), scope, ctes, depth);
            if (p.getGroupBy() != null) {
                if (p.getGroupBy().getGroupingSets() != null && !p.getGroupBy().getGroupingSets().isEmpty()) {
                    throw unsupported("GROUPING SETS");
                }
                expression(p.getGroupBy().getGroupByExpressionList(), scope, ctes, depth);
            }
            expression(p.getHaving(), scope, ctes, depth);
            orderBy(p.getOrderByElements(), scope, ctes, depth);
            return out;
        }

        private void expand(Source source, List<SelectItem<?>> items, List<String> out) {
            for (String column : source.columns) {
                items.add(new SelectItem<>(new Column(new Table(source.alias), column)));
                out.add(column);
            }
        }

        private void orderBy(List<OrderByElement> order, Scope scope, Map<String, List<String>> ctes, int depth) {
            if (order != null) {
                for (OrderByElement element : order) {
                    expression(element.getExpression(), scope, ctes, depth);
                }
            }
        }

        private void addSource(FromItem item, Scope scope, Map<String, List<String>> ctes, int depth) {
            if (++tables > MAX_TABLES) {
                throw new Refused(Reason.TOO_COMPLEX, "A query may read at most " + MAX_TABLES + " tables.");
            }
            String alias = item.getAlias() == null ? null : lc(item.getAlias().getName());
            if (item.getAlias() != null && item.getAlias().getAliasColumns() != null) {
                throw unsupported("column aliases on a table");
            }
            if (item instanceof Table table) {
                if (table.getIndexHint() != null || table.getPivot() != null || table.getUnPivot() != null
                        || table.getSampleClause() != null || table.getSqlServerHints() != null
                        || table.getNameParts().size() > 2) {
                    throw unsupported("this table reference");
                }
                String name = lc(table.getName());
                String db = table.getSchemaName() == null ? null : lc(table.getSchemaName());
                List<String> columns;
                if (db != null && SYSTEM_SCHEMAS.contains(db) || db == null && SYSTEM_SCHEMAS.contains(name)) {
                    throw new Refused(Reason.SYSTEM_SCHEMA, "System schemas are not accepted.");
                }
                if (db != null && !db.equals(schema)) {
                    throw new Refused(Reason.TABLE_NOT_ALLOWED, "Only the replica's tables can be read.");
                }
                if (db == null && ctes.containsKey(name)) {
                    columns = ctes.get(name);
                } else if (allowed.containsKey(name)) {
                    columns = List.copyOf(new java.util.TreeSet<>(allowed.get(name)));
                } else if (db == null && name.equals("dual")) {
                    columns = List.of();
                } else {
                    throw new Refused(Reason.TABLE_NOT_ALLOWED, "Table " + name + " is not one of the replica's.");
                }
                put(scope, new Source(alias == null ? name : alias, columns));
            } else if (item instanceof ParenthesedSelect sub) {
                // A derived table cannot see the outer query's columns (no LATERAL), only the CTEs.
                List<String> columns = select(sub, null, ctes, depth + 1);
                put(scope, new Source(alias == null ? "" : alias, columns));
            } else {
                throw unsupported("this FROM item");
            }
        }

        private void put(Scope scope, Source source) {
            if (scope.sources.putIfAbsent(source.alias, source) != null) {
                throw unsupported("the same alias twice");
            }
        }

        private void column(Column c, Scope scope) {
            String name = lc(c.getColumnName());
            Table table = c.getTable();
            if (table != null && table.getName() != null) {
                if (table.getSchemaName() != null) {
                    String db = lc(table.getSchemaName());
                    if (SYSTEM_SCHEMAS.contains(db)) {
                        throw new Refused(Reason.SYSTEM_SCHEMA, "System schemas are not accepted.");
                    }
                    if (!db.equals(schema)) {
                        throw new Refused(Reason.TABLE_NOT_ALLOWED, "Only the replica's tables can be read.");
                    }
                }
                String qualifier = lc(table.getName());
                for (Scope s = scope; s != null; s = s.outer) {
                    Source source = s.sources.get(qualifier);
                    if (source != null) {
                        if (!source.columns.contains(name)) {
                            throw new Refused(Reason.COLUMN_NOT_ALLOWED,
                                    "Column " + qualifier + "." + name + " is not one of the replica's.");
                        }
                        return;
                    }
                }
                throw new Refused(Reason.TABLE_NOT_ALLOWED, "Unknown table or alias " + qualifier + ".");
            }
            for (Scope s = scope; s != null; s = s.outer) {
                if (s.aliases.contains(name)) {
                    return;
                }
                for (Source source : s.sources.values()) {
                    if (source.columns.contains(name)) {
                        return;
                    }
                }
            }
            throw new Refused(Reason.COLUMN_NOT_ALLOWED, "Column " + name + " is not one of the replica's.");
        }

        private void expression(Expression e, Scope scope, Map<String, List<String>> ctes, int depth) {
            if (e == null || LITERALS.contains(e.getClass())) {
                return;
            }
            if (e instanceof Column c) {
                column(c, scope);
            } else if (e instanceof HexValue) {
                throw new Refused(Reason.ENCODED_LITERAL, "Hexadecimal literals are not accepted.");
            } else if (e instanceof UserVariable || e instanceof VariableAssignment) {
                throw new Refused(Reason.VARIABLE, "User and system variables are not accepted.");
            } else if (e instanceof JdbcNamedParameter) {
                throw unsupported("named parameters");
            } else if (e instanceof TimeKeyExpression key) {
                String k = key.getStringValue().toUpperCase(Locale.ROOT).replace("()", "");
                if (!TIME_KEYS.contains(k)) {
                    throw new Refused(Reason.FUNCTION_NOT_ALLOWED, key.getStringValue() + " is not accepted.");
                }
            } else if (e instanceof BinaryExpression b) {
                if (!BINARY.contains(b.getClass())) {
                    throw unsupported("the operator " + b.getStringExpression());
                }
                if (b instanceof LikeExpression like) {
                    if (like.getLikeKeyWord() != LikeExpression.KeyWord.LIKE) {
                        // REGEXP/RLIKE: a pattern can make the server backtrack for a very long time.
                        throw unsupported(like.getLikeKeyWord().toString());
                    }
                    expression(like.getEscape(), scope, ctes, depth);
                }
                expression(b.getLeftExpression(), scope, ctes, depth);
                expression(b.getRightExpression(), scope, ctes, depth);
            } else if (e instanceof NotExpression not) {
                expression(not.getExpression(), scope, ctes, depth);
            } else if (e instanceof SignedExpression signed) {
                expression(signed.getExpression(), scope, ctes, depth);
            } else if (e instanceof Parenthesis parenthesis) {
                expression(parenthesis.getExpression(), scope, ctes, depth);
            } else if (e instanceof ExpressionList<?> list) {
                for (Expression item : list) {
                    expression(item, scope, ctes, depth);
                }
            } else if (e instanceof Between between) {
                expression(between.getLeftExpression(), scope, ctes, depth);
                expression(between.getBetweenExpressionStart(), scope, ctes, depth);
                expression(between.getBetweenExpressionEnd(), scope, ctes, depth);
            } else if (e instanceof InExpression in) {
                expression(in.getLeftExpression(), scope, ctes, depth);
                expression(in.getRightExpression(), scope, ctes, depth);
            } else if (e instanceof IsNullExpression isNull) {
                expression(isNull.getLeftExpression(), scope, ctes, depth);
            } else if (e instanceof IsBooleanExpression isBoolean) {
                expression(isBoolean.getLeftExpression(), scope, ctes, depth);
            } else if (e instanceof ExistsExpression exists) {
                expression(exists.getRightExpression(), scope, ctes, depth);
            } else if (e instanceof CaseExpression c) {
                expression(c.getSwitchExpression(), scope, ctes, depth);
                for (WhenClause when : c.getWhenClauses()) {
                    expression(when.getWhenExpression(), scope, ctes, depth);
                    expression(when.getThenExpression(), scope, ctes, depth);
                }
                expression(c.getElseExpression(), scope, ctes, depth);
            } else if (e instanceof CastExpression cast) {
                expression(cast.getLeftExpression(), scope, ctes, depth);
            } else if (e instanceof Function f) {
                function(f, scope, ctes, depth);
            } else if (e instanceof AnalyticExpression a) {
                name(a.getName());
                if (a.getWindowName() != null || a.getKeep() != null || a.getWindowDefinition() != null
                        && a.getWindowDefinition().getWindowName() != null) {
                    throw unsupported("named windows");
                }
                if (!(a.getExpression() instanceof AllColumns)) {
                    expression(a.getExpression(), scope, ctes, depth);
                }
                expression(a.getOffset(), scope, ctes, depth);
                expression(a.getDefaultValue(), scope, ctes, depth);
                expression(a.getFilterExpression(), scope, ctes, depth);
                expression(a.getPartitionExpressionList(), scope, ctes, depth);
                orderBy(a.getOrderByElements(), scope, ctes, depth);
                orderBy(a.getFuncOrderBy(), scope, ctes, depth);
            } else if (e instanceof ExtractExpression extract) {
                expression(extract.getExpression(), scope, ctes, depth);
            } else if (e instanceof IntervalExpression interval) {
                if (interval.getParameter() != null && !interval.getParameter().matches("'?\\d+'?")) {
                    throw unsupported("this INTERVAL");
                }
                expression(interval.getExpression(), scope, ctes, depth);
            } else if (e instanceof TrimFunction trim) {
                expression(trim.getExpression(), scope, ctes, depth);
                expression(trim.getFromExpression(), scope, ctes, depth);
            } else if (e instanceof MySQLGroupConcat concat) {
                expression(concat.getExpressionList(), scope, ctes, depth);
                orderBy(concat.getOrderByElements(), scope, ctes, depth);
            } else if (e instanceof Select sub) {
                select(sub, scope, ctes, depth + 1);
            } else {
                throw unsupported(e.getClass().getSimpleName());
            }
        }

        private void function(Function f, Scope scope, Map<String, List<String>> ctes, int depth) {
            if (f.getMultipartName() != null && f.getMultipartName().size() > 1) {
                throw new Refused(Reason.FUNCTION_NOT_ALLOWED, "Function " + f.getName() + " is not accepted.");
            }
            String name = name(f.getName());
            if (f.getNamedParameters() != null || f.getKeep() != null || f.getAttribute() != null
                    || f.getHavingClause() != null || f.getLimit() != null) {
                throw unsupported("this function call");
            }
            if (f.getParameters() != null) {
                for (Expression parameter : f.getParameters()) {
                    if (parameter instanceof AllColumns && !(parameter instanceof AllTableColumns)
                            && name.equals("COUNT")) {
                        continue;
                    }
                    expression(parameter, scope, ctes, depth);
                }
            }
            orderBy(f.getOrderByElements(), scope, ctes, depth);
        }

        private String name(String raw) {
            String name = lc(raw).toUpperCase(Locale.ROOT);
            if (DENIED_FUNCTIONS.contains(name)) {
                throw new Refused(Reason.FUNCTION_DENIED, "Function " + name + " is not accepted.");
            }
            if (!FUNCTIONS.contains(name)) {
                throw new Refused(Reason.FUNCTION_NOT_ALLOWED, "Function " + name + " is not accepted.");
            }
            return name;
        }

        private boolean joinsColumns(Expression on) {
            if (on instanceof EqualsTo eq) {
                return eq.getLeftExpression() instanceof Column && eq.getRightExpression() instanceof Column;
            }
            if (on instanceof AndExpression and) {
                return joinsColumns(and.getLeftExpression()) || joinsColumns(and.getRightExpression());
            }
            if (on instanceof Parenthesis p) {
                return joinsColumns(p.getExpression());
            }
            return false;
        }

        private Refused unsupported(String what) {
            return new Refused(Reason.UNSUPPORTED_SYNTAX, "The query uses " + what + ", which is not accepted.");
        }
    }
}
