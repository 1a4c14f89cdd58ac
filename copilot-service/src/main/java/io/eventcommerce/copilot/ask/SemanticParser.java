package io.eventcommerce.copilot.ask;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.eventcommerce.analytics.geo.Regions;
import io.eventcommerce.copilot.ask.ParseResult.Parsed;
import io.eventcommerce.copilot.ask.ParseResult.Refusal;

/**
 * The built-in engine: a business question (and the conversation so far) to a {@link Query} and its SQL, with no
 * network and no model. It recognises words and phrases — metrics, breakdowns, filters (names from the
 * {@link Vocabulary}, typos forgiven), time expressions, top/bottom N, shares, comparisons — and every word must be
 * recognised or be filler: a question with a word it does not understand is refused with suggestions rather than
 * answered as if that word were not there.
 */
public final class SemanticParser {

    static final List<String> SUGGESTIONS = List.of(
            "What was revenue last month compared to the month before?",
            "Top 10 products by units sold this year",
            "Revenue by order status",
            "Revenue by country last quarter",
            "Monthly orders this year vs last year");

    private static final Map<String, Metric> METRICS = new LinkedHashMap<>();
    private static final Map<String, Dimension> DIMENSIONS = new LinkedHashMap<>();
    private static final Map<String, String> STATUSES = new LinkedHashMap<>();
    private static final Map<String, String> CHANNELS = new LinkedHashMap<>();
    private static final Map<String, String> SEGMENTS = new LinkedHashMap<>();
    private static final Map<String, String> REGIONS = new LinkedHashMap<>();
    private static final Map<String, String> COUNTRY_WORDS = new HashMap<>();
    private static final Set<String> FILLER = Set.copyOf(List.of("what", "whats", "what's", "was", "were", "is",
            "are", "the",
            "a", "an", "of", "in", "for", "by", "per", "to", "from", "on", "at", "with", "and", "show", "me", "us",
            "give", "tell", "list", "how", "much", "many", "did", "do", "does", "we", "our", "my", "i", "see",
            "sell", "sold", "selling", "make", "made", "get", "got", "have", "had", "has", "total", "overall",
            "please", "which", "who", "each", "every", "all", "over", "during", "within", "across", "broken",
            "break", "down", "it", "split", "that", "this", "those", "these", "same", "only", "just", "now", "then",
            "about", "instead", "number", "count", "amount", "value", "figures", "figure", "numbers", "report",
            "overview", "summary", "there", "be", "been", "get", "want", "would", "like", "know", "can", "you",
            "could", "sum", "up", "level", "wise", "time", "period", "group", "grouped", "so", "far", "far",
            "generated", "brought", "placed", "bring", "earn", "earned", "compare", "compared", "versus", "vs",
            "against", "than", "growth", "grow", "grew", "change", "changed", "increase", "decrease", "its", "their",
            "s", "shop", "store's", "business", "company", "ones", "one", "rank", "ranked", "ranking", "shown",
            "display", "find", "look", "looking", "items", "products", "also"));

    static {
        String[][] metrics = {
            {"average order value", "AVERAGE_ORDER_VALUE"}, {"average rating", "RATING"},
            {"average ratings", "RATING"}, {"avg rating", "RATING"}, {"avg order value", "AVERAGE_ORDER_VALUE"},
            {"aov", "AVERAGE_ORDER_VALUE"}, {"average basket", "AVERAGE_ORDER_VALUE"},
            {"basket size", "AVERAGE_ORDER_VALUE"}, {"new customers", "NEW_CUSTOMERS"},
            {"new customer", "NEW_CUSTOMERS"}, {"first time customers", "NEW_CUSTOMERS"},
            {"new buyers", "NEW_CUSTOMERS"}, {"return rate", "RETURN_RATE"}, {"returns rate", "RETURN_RATE"},
            {"rate of returns", "RETURN_RATE"}, {"lifetime value", "REVENUE"}, {"net sales", "REVENUE"},
            {"revenue", "REVENUE"}, {"revenues", "REVENUE"}, {"sales", "REVENUE"}, {"turnover", "REVENUE"},
            {"income", "REVENUE"}, {"ltv", "REVENUE"}, {"clv", "REVENUE"}, {"spend", "REVENUE"},
            {"spent", "REVENUE"}, {"units sold", "UNITS"}, {"items sold", "UNITS"}, {"units", "UNITS"},
            {"quantity", "UNITS"}, {"pieces", "UNITS"}, {"number of orders", "ORDERS"}, {"orders", "ORDERS"},
            {"refunds", "REFUNDS"}, {"refund", "REFUNDS"}, {"refunded", "REFUNDS"}, {"gross margin", "MARGIN"},
            {"margin", "MARGIN"}, {"margins", "MARGIN"}, {"profit", "MARGIN"}, {"profits", "MARGIN"},
            {"discounts", "DISCOUNT"}, {"discount", "DISCOUNT"}, {"review score", "RATING"},
            {"ratings", "RATING"}, {"rating", "RATING"}, {"rated", "RATING"}, {"stars", "RATING"},
            {"reviews", "RATING"}, {"buyers", "CUSTOMERS"}, {"shoppers", "CUSTOMERS"}, {"clients", "CUSTOMERS"},
        };
        for (String[] m : metrics) {
            METRICS.put(m[0], Metric.valueOf(m[1]));
        }
        String[][] dimensions = {
            {"order status", "STATUS"}, {"customer segment", "SEGMENT"}, {"customer segments", "SEGMENT"},
            {"sales channel", "CHANNEL"}, {"sales channels", "CHANNEL"}, {"product", "PRODUCT"},
            {"products", "PRODUCT"}, {"item", "PRODUCT"}, {"items", "PRODUCT"}, {"sku", "PRODUCT"},
            {"skus", "PRODUCT"}, {"category", "CATEGORY"}, {"categories", "CATEGORY"},
            {"department", "CATEGORY"}, {"departments", "CATEGORY"}, {"brand", "BRAND"}, {"brands", "BRAND"},
            {"country", "COUNTRY"}, {"countries", "COUNTRY"}, {"market", "COUNTRY"}, {"markets", "COUNTRY"},
            {"region", "REGION"}, {"regions", "REGION"}, {"channel", "CHANNEL"}, {"channels", "CHANNEL"},
            {"segment", "SEGMENT"}, {"segments", "SEGMENT"}, {"status", "STATUS"}, {"statuses", "STATUS"},
            {"state", "STATUS"},
        };
        for (String[] d : dimensions) {
            DIMENSIONS.put(d[0], Dimension.valueOf(d[1]));
        }
        String[][] statuses = {{"on hold", "ON_HOLD"}, {"pending", "PENDING"}, {"confirmed", "CONFIRMED"},
            {"paid", "PAID"}, {"shipped", "SHIPPED"}, {"delivered", "DELIVERED"}, {"returned", "RETURNED"},
            {"cancelled", "CANCELLED"}, {"canceled", "CANCELLED"}};
        for (String[] s : statuses) {
            STATUSES.put(s[0], s[1]);
        }
        String[][] channels = {{"mobile app", "MOBILE"}, {"in store", "STORE"}, {"by phone", "PHONE"},
            {"phone orders", "PHONE"}, {"phone channel", "PHONE"}, {"web", "WEB"}, {"website", "WEB"},
            {"online", "WEB"}, {"mobile", "MOBILE"}, {"app", "MOBILE"}, {"store", "STORE"}, {"stores", "STORE"},
            {"telephone", "PHONE"}, {"api", "API"}};
        for (String[] c : channels) {
            CHANNELS.put(c[0], c[1]);
        }
        String[][] segments = {{"vip", "VIP"}, {"vips", "VIP"}, {"wholesale", "WHOLESALE"},
            {"wholesalers", "WHOLESALE"}, {"b2b", "WHOLESALE"}, {"regular", "REGULAR"}, {"new segment", "NEW"}};
        for (String[] s : segments) {
            SEGMENTS.put(s[0], s[1]);
        }
        String[][] regions = {{"north america", Regions.NORTH_AMERICA}, {"latin america", Regions.LATIN_AMERICA},
            {"south america", Regions.LATIN_AMERICA}, {"latam", Regions.LATIN_AMERICA},
            {"middle east and africa", Regions.MIDDLE_EAST_AFRICA}, {"middle east", Regions.MIDDLE_EAST_AFRICA},
            {"mea", Regions.MIDDLE_EAST_AFRICA}, {"africa", Regions.MIDDLE_EAST_AFRICA},
            {"asia pacific", Regions.ASIA_PACIFIC}, {"apac", Regions.ASIA_PACIFIC}, {"asia", Regions.ASIA_PACIFIC},
            {"europe", Regions.EUROPE}, {"emea", Regions.EUROPE}};
        for (String[] r : regions) {
            REGIONS.put(r[0], r[1]);
        }
        for (String code : Locale.getISOCountries()) {
            COUNTRY_WORDS.put(new Locale("", code).getDisplayCountry(Locale.ENGLISH).toLowerCase(Locale.ROOT),
                    code);
        }
        String[][] aliases = {{"uk", "GB"}, {"britain", "GB"}, {"great britain", "GB"}, {"england", "GB"},
            {"usa", "US"}, {"america", "US"}, {"united states of america", "US"}, {"the states", "US"},
            {"holland", "NL"}, {"the netherlands", "NL"}, {"deutschland", "DE"}, {"korea", "KR"},
            {"south korea", "KR"}, {"german", "DE"}, {"french", "FR"}, {"british", "GB"}, {"american", "US"},
            {"spanish", "ES"}, {"italian", "IT"}, {"dutch", "NL"}, {"japanese", "JP"}, {"canadian", "CA"},
            {"australian", "AU"}, {"swedish", "SE"}, {"mexican", "MX"}, {"irish", "IE"}, {"austrian", "AT"},
            {"swiss", "CH"}, {"danish", "DK"}, {"brazilian", "BR"}, {"indian", "IN"}, {"polish", "PL"}};
        for (String[] a : aliases) {
            COUNTRY_WORDS.put(a[0], a[1]);
        }
    }

    private static final Set<String> KNOWN = new java.util.HashSet<>(List.of("today", "yesterday", "last",
            "past", "previous", "prior", "days", "day", "weeks", "week", "months", "month", "quarter", "quarters",
            "years", "year", "between", "since", "until", "date", "top", "best", "highest", "most", "biggest",
            "largest", "leading", "bottom", "worst", "lowest", "least", "fewest", "smallest", "customers",
            "customer", "order", "returns", "daily", "weekly", "monthly", "quarterly", "yearly", "annual",
            "annually", "trend", "trends", "current", "ytd", "mtd", "share"));

    static {
        for (Map<String, ?> table : List.of(METRICS, DIMENSIONS, STATUSES, CHANNELS, SEGMENTS, REGIONS)) {
            table.keySet().forEach(k -> KNOWN.addAll(List.of(k.split(" "))));
        }
    }

    private final Vocabulary vocabulary;
    private final Clock clock;

    public SemanticParser(Vocabulary vocabulary, Clock clock) {
        this.vocabulary = vocabulary;
        this.clock = clock;
    }

    public ParseResult parse(String question) {
        return parse(question, null);
    }

    /** Parses a question, reading it as a follow-up of {@code context} when it only changes part of that query. */
    public ParseResult parse(String question, ConversationContext context) {
        if (question == null || question.isBlank() || question.length() > 500) {
            return refuse("I can't answer that yet: please ask one short business question.");
        }
        Words w = new Words(question);
        if (w.size() == 0) {
            return refuse("I can't answer that yet: please ask a business question.");
        }
        Parts p = new Parts();
        p.followUp = w.take("and what about", "what about", "how about", "and for", "and in", "and", "the same for",
                "same for", "the same", "same", "only", "now", "break it down", "break down", "split it") == 0;
        LocalDate today = LocalDate.now(clock);
        if (!times(w, p, today)) {
            return refuse("I can't answer that yet: I can compare a period with the one before it or with the "
                    + "same period a year earlier.");
        }
        names(w, p);
        fuzzyNames(w, p);
        keywords(w, p);
        if (p.customerNoun && p.metrics.isEmpty()) {
            p.metric(Metric.CUSTOMERS);
        }
        List<String> unknown = w.leftovers().stream().filter(x -> !FILLER.contains(x)).toList();
        if (!unknown.isEmpty()) {
            return refuse("I can't answer that yet: I don't know what \"" + String.join(" ", unknown)
                    + "\" means here.");
        }
        Query q;
        if (context != null && context.previous() != null && (p.followUp || p.metrics.isEmpty())) {
            q = merge(context.previous(), p);
        } else {
            if (p.metrics.isEmpty() && p.dimensions.isEmpty() && p.filters.isEmpty() && p.range == null
                    && p.top == null) {
                return refuse("I can't answer that yet: I did not find a figure to report (revenue, orders, "
                        + "units, customers, refunds, …).");
            }
            List<String> notes = new ArrayList<>(p.notes);
            if (p.metrics.isEmpty()) {
                p.metrics.add(Metric.REVENUE);
            }
            q = new Query(p.metrics, p.dimensions, new ArrayList<>(p.filters.values()), p.range, p.comparison,
                    p.top, p.bottom, p.share, notes);
        }
        return finish(q, today);
    }

    private ParseResult finish(Query q, LocalDate today) {
        if (q.top() != null && q.dimensions().stream().allMatch(Dimension::isTime)) {
            return refuse("I can't answer that yet: top or bottom of what? Products, categories, brands, "
                    + "countries or customers, for example.");
        }
        if (q.comparison() != null && q.range() == null) {
            LocalDate month = today.withDayOfMonth(1);
            q = new Query(q.metrics(), q.dimensions(), q.filters(), new TimeRange(month.minusMonths(1), month,
                    "last month", TimeRange.Kind.MONTH), q.comparison(), q.top(), q.bottom(), q.share(), q.notes());
        }
        if (q.range() != null && q.range().from().isAfter(today)) {
            return refuse("I can't answer that yet: " + q.range().label() + " has not begun, and I do not "
                    + "forecast.");
        }
        if (q.share() && !q.metric().additive()) {
            return refuse("I can't answer that yet: a share of the total needs a figure that adds up, such as "
                    + "revenue, orders or units.");
        }
        if (q.metrics().contains(Metric.RATING)) {
            if (q.metrics().size() > 1 || q.comparison() != null || q.share()) {
                return refuse("I can't answer that yet: ratings are the products' current averages and cannot "
                        + "be combined with sales figures or compared over time.");
            }
            Set<Dimension> ok = Set.of(Dimension.PRODUCT, Dimension.BRAND, Dimension.CATEGORY);
            if (!ok.containsAll(q.dimensions()) || !q.filters().stream().allMatch(f -> ok.contains(f.field()))) {
                return refuse("I can't answer that yet: ratings are kept per product, so they can be broken "
                        + "down by product, brand or category only.");
            }
            if (q.range() != null) {
                List<String> notes = new ArrayList<>(q.notes());
                notes.add("Ratings are the current averages; the replica keeps no rating history, so "
                        + q.range().label() + " could not be applied.");
                q = new Query(q.metrics(), q.dimensions(), q.filters(), null, null, q.top(), q.bottom(), false,
                        notes);
            }
        }
        if (q.dimensions().size() > 3) {
            return refuse("I can't answer that yet: at most three breakdowns at once.");
        }
        return new Parsed(q, SqlBuilder.build(q));
    }

    private Query merge(Query previous, Parts p) {
        List<Metric> metrics = p.metrics.isEmpty() ? previous.metrics() : p.metrics;
        List<Dimension> dimensions = new ArrayList<>(previous.dimensions());
        for (Dimension d : p.dimensions) {
            if (d.isTime()) {
                dimensions.removeIf(Dimension::isTime);
            }
            if (!dimensions.contains(d)) {
                dimensions.add(d);
            }
        }
        Map<Dimension, Filter> filters = new LinkedHashMap<>();
        previous.filters().forEach(f -> filters.put(f.field(), f));
        p.filters.forEach((field, f) -> {
            if (field == Dimension.COUNTRY || field == Dimension.REGION) {
                filters.remove(Dimension.COUNTRY);
                filters.remove(Dimension.REGION);
            }
            if (field == Dimension.PRODUCT || field == Dimension.CATEGORY || field == Dimension.BRAND) {
                filters.remove(Dimension.PRODUCT);
                filters.remove(Dimension.CATEGORY);
                filters.remove(Dimension.BRAND);
            }
            filters.put(field, f);
        });
        TimeRange range = p.range != null ? p.range : previous.range();
        Comparison comparison = p.comparison != null ? p.comparison : previous.comparison();
        Integer top = p.top != null ? p.top : previous.top();
        boolean bottom = p.top != null ? p.bottom : previous.bottom();
        return new Query(metrics, dimensions, new ArrayList<>(filters.values()), range, comparison, top, bottom,
                p.share || previous.share(), p.notes);
    }

    /** What one question says, before defaults and the conversation fill the rest. */
    private static final class Parts {
        boolean followUp;
        final List<Metric> metrics = new ArrayList<>();
        final List<Dimension> dimensions = new ArrayList<>();
        final Map<Dimension, Filter> filters = new LinkedHashMap<>();
        final List<String> notes = new ArrayList<>();
        TimeRange range;
        Comparison comparison;
        Integer top;
        boolean bottom;
        boolean share;
        boolean trend;
        boolean customerNoun;

        void metric(Metric m) {
            if (!metrics.contains(m)) {
                metrics.add(m);
            }
        }

        void dimension(Dimension d) {
            if (!dimensions.contains(d)) {
                dimensions.add(d);
            }
        }

        void filter(Dimension field, String value) {
            Filter old = filters.get(field);
            List<String> values = new ArrayList<>(old == null ? List.of() : old.values());
            if (!values.contains(value)) {
                values.add(value);
            }
            filters.put(field, new Filter(field, values));
        }
    }

    /** Time breakdowns, ranges and comparisons. False when a comparison names a period it cannot compare with. */
    private boolean times(Words w, Parts p, LocalDate today) {
        String[][] grains = {{"month by month", "MONTH"}, {"by day", "DAY"}, {"per day", "DAY"},
            {"each day", "DAY"}, {"daily", "DAY"}, {"by date", "DAY"}, {"by week", "WEEK"}, {"per week", "WEEK"},
            {"each week", "WEEK"}, {"weekly", "WEEK"}, {"by month", "MONTH"}, {"per month", "MONTH"},
            {"each month", "MONTH"}, {"monthly", "MONTH"}, {"by quarter", "QUARTER"}, {"per quarter", "QUARTER"},
            {"quarterly", "QUARTER"}, {"by year", "YEAR"}, {"per year", "YEAR"}, {"yearly", "YEAR"},
            {"annually", "YEAR"}, {"annual", "YEAR"}};
        for (String[] g : grains) {
            if (w.take(g[0]) >= 0) {
                p.dimension(Dimension.valueOf(g[1]));
            }
        }
        if (w.take("over time", "trend", "trends", "trending", "evolution", "developed", "development") >= 0) {
            p.trend = true;
        }
        if (w.take("year over year", "year on year", "yoy", "vs the same period last year",
                "compared to the same period last year", "vs a year ago", "than a year ago",
                "compared to a year ago", "vs the year before", "compared to the year before") >= 0) {
            p.comparison = Comparison.PREVIOUS_YEAR;
        }
        if (w.take("vs the previous period", "vs previous period", "vs the period before",
                "compared to the previous period", "compared with the previous period", "vs the prior period",
                "than the month before", "vs the month before", "compared to the month before",
                "compared with the month before", "vs the week before", "compared to the week before",
                "vs the quarter before", "compared to the quarter before", "vs the day before",
                "period over period", "month over month", "week over week", "mom", "wow") >= 0) {
            p.comparison = Comparison.PREVIOUS_PERIOD;
        }
        int versus = -1;
        for (String v : new String[] {"versus", "vs", "against", "compared to", "compared with", "than"}) {
            int at = w.find(v);
            if (at >= 0 && (versus < 0 || at < versus)) {
                versus = at;
            }
        }
        List<Times.Found> found = new Times(today).find(w);
        for (Times.Found f : found) {
            if (p.range == null && (versus < 0 || f.at() < versus || found.size() == 1)) {
                p.range = f.range();
            } else if (p.range != null && versus >= 0 && f.at() > versus) {
                if (f.range().from().equals(p.range.yearBefore().from())) {
                    p.comparison = Comparison.PREVIOUS_YEAR;
                } else if (f.range().from().equals(p.range.previous().from())) {
                    p.comparison = Comparison.PREVIOUS_PERIOD;
                } else {
                    return false;
                }
            } else {
                return false;
            }
        }
        if (p.comparison == null && (w.find("growth") >= 0 || w.find("grow") >= 0 || w.find("grew") >= 0
                || w.find("change") >= 0 || w.find("changed") >= 0 || w.find("increase") >= 0
                || w.find("decrease") >= 0 || w.find("compare") >= 0 || w.find("compared") >= 0)) {
            p.comparison = Comparison.PREVIOUS_PERIOD;
        }
        if (p.trend && p.dimensions.stream().noneMatch(Dimension::isTime)) {
            long days = p.range == null ? 3650 : p.range.days();
            p.dimension(days <= 31 ? Dimension.DAY : days <= 183 ? Dimension.WEEK : Dimension.MONTH);
        }
        return true;
    }

    /** Exact names from the vocabulary, longest first, so "Electronics Premium" wins over "Electronics". */
    private void names(Words w, Parts p) {
        Map<String, Object[]> names = new HashMap<>();
        vocabulary.products().forEach(n -> names.put(n.toLowerCase(Locale.ROOT), new Object[] {Dimension.PRODUCT,
            n}));
        vocabulary.brands().forEach(n -> names.put(n.toLowerCase(Locale.ROOT), new Object[] {Dimension.BRAND, n}));
        vocabulary.categories().forEach(n -> names.put(n.toLowerCase(Locale.ROOT), new Object[] {Dimension.CATEGORY,
            n}));
        for (int length = 6; length >= 1; length--) {
            for (int i = 0; i + length <= w.size(); i++) {
                if (!free(w, i, length)) {
                    continue;
                }
                String text = w.text(i, length);
                Object[] hit = names.get(text);
                String country = COUNTRY_WORDS.get(text);
                if (hit != null) {
                    w.mark(i, length);
                    p.filter((Dimension) hit[0], (String) hit[1]);
                    skipNoun(w, i + length);
                } else if (country != null && !text.equals("us")) {
                    w.mark(i, length);
                    p.filter(Dimension.COUNTRY, country);
                    if (w.free(i + length) && Set.of("customers", "buyers", "shoppers").contains(w.at(i + length))) {
                        // "German customers": who, not what to count (unless nothing else is counted).
                        w.mark(i + length, 1);
                        p.customerNoun = true;
                    }
                } else if (length == 1 && w.raw.get(i).length() == 2 && w.raw.get(i).equals(
                        w.raw.get(i).toUpperCase(Locale.ROOT)) && vocabulary.countries().contains(w.raw.get(i))) {
                    // An ISO code only written in capitals, so "in", "it" and "us" stay words.
                    w.mark(i, 1);
                    p.filter(Dimension.COUNTRY, w.raw.get(i));
                }
            }
        }
    }

    /** "Acme products", "Electronics items": after a name, the noun names nothing more. */
    private static void skipNoun(Words w, int i) {
        if (w.free(i) && Set.of("products", "items", "brand", "category", "goods").contains(w.at(i))) {
            w.mark(i, 1);
        }
    }

    private static boolean free(Words w, int from, int length) {
        for (int k = from; k < from + length; k++) {
            if (!w.free(k)) {
                return false;
            }
        }
        return true;
    }

    private void keywords(Words w, Parts p) {
        for (String phrase : new String[] {"order status", "order statuses", "customer segment", "customer segments",
            "sales channel", "sales channels"}) {
            while (w.take(phrase) >= 0) {
                p.dimension(phrase.startsWith("order") ? Dimension.STATUS
                        : phrase.startsWith("customer") ? Dimension.SEGMENT : Dimension.CHANNEL);
            }
        }
        for (var e : REGIONS.entrySet()) {
            if (w.take(e.getKey(), e.getKey() + "n") >= 0) {
                p.filter(Dimension.REGION, e.getValue());
            }
        }
        for (var e : STATUSES.entrySet()) {
            while (w.take(e.getKey()) >= 0) {
                p.filter(Dimension.STATUS, e.getValue());
            }
        }
        for (var e : CHANNELS.entrySet()) {
            while (w.take(e.getKey()) >= 0) {
                p.filter(Dimension.CHANNEL, e.getValue());
            }
        }
        for (var e : SEGMENTS.entrySet()) {
            int at;
            while ((at = w.take(e.getKey() + " customers", e.getKey())) >= 0) {
                p.filter(Dimension.SEGMENT, e.getValue());
                p.customerNoun |= w.at(at + e.getKey().split(" ").length).equals("customers");
            }
        }
        int seller = w.take("top selling", "best selling", "bestselling", "best sellers", "bestsellers",
                "top sellers", "most sold", "most popular");
        if (seller >= 0) {
            p.metric(Metric.UNITS);
            p.top = p.top == null ? 10 : p.top;
        }
        int worst = w.take("worst selling", "least selling", "least sold", "worst sellers", "slowest selling");
        if (worst >= 0) {
            p.metric(Metric.UNITS);
            p.bottom = true;
            p.top = p.top == null ? 10 : p.top;
        }
        if (w.take("share of total", "share of the total", "percentage of total", "percent of total",
                "% of total", "share", "shares", "proportion", "percentage", "mix", "contribution") >= 0) {
            p.share = true;
        }
        // Customers as a breakdown ("top customers", "customers by revenue") rather than a count.
        for (int i = 0; i < w.size(); i++) {
            String x = w.at(i);
            if (w.free(i) && (x.equals("customers") || x.equals("customer")) && (Set.of("top", "best", "bottom",
                    "worst", "biggest", "largest", "which", "our").contains(w.at(i - 1))
                    || Times.number(w.at(i - 1)) != null || w.at(i + 1).equals("by") || w.at(i - 1).equals("by")
                    || w.at(i - 1).equals("per"))) {
                w.mark(i, 1);
                p.dimension(Dimension.CUSTOMER);
                if (x.equals("customer") && w.at(i - 1).equals("which")) {
                    p.top = p.top == null ? 1 : p.top;
                }
            }
        }
        for (var e : METRICS.entrySet()) {
            while (w.take(e.getKey()) >= 0) {
                p.metric(e.getValue());
            }
        }
        if (w.take("customers", "customer") >= 0) {
            p.metric(Metric.CUSTOMERS);
        }
        if (w.take("returns") >= 0) {
            p.metric(Metric.RETURN_RATE);
        }
        if (w.take("order") >= 0) {
            p.metric(Metric.ORDERS);
        }
        for (int i = 0; i < w.size(); i++) {
            if (!w.free(i)) {
                continue;
            }
            String x = w.at(i);
            boolean up = Set.of("top", "best", "highest", "most", "biggest", "largest", "leading").contains(x);
            boolean down = Set.of("bottom", "worst", "lowest", "least", "fewest", "smallest").contains(x);
            if (up || down) {
                w.mark(i, 1);
                Integer n = Times.number(w.at(i + 1));
                if (n != null && w.free(i + 1)) {
                    w.mark(i + 1, 1);
                }
                p.bottom = down;
                p.top = n != null ? Math.min(n, 100) : singular(w, i) ? 1 : 10;
            }
        }
        for (var e : DIMENSIONS.entrySet()) {
            int at;
            while ((at = w.take(e.getKey())) >= 0) {
                p.dimension(e.getValue());
            }
        }
    }

    /** "Which country had the highest revenue": a singular breakdown noun asks for the one best. */
    private static boolean singular(Words w, int i) {
        for (int k = 0; k < w.size(); k++) {
            String x = w.at(k);
            if (Set.of("product", "category", "brand", "country", "region", "channel", "segment", "customer",
                    "item", "market", "department").contains(x) && !w.at(k - 1).equals("per")
                    && !w.at(k - 1).equals("by")) {
                return true;
            }
        }
        return false;
    }

    /** Names with a typo: a word or two against brands, categories and countries within the edit budget. */
    private void fuzzyNames(Words w, Parts p) {
        Map<String, Object[]> names = new HashMap<>();
        vocabulary.brands().forEach(n -> names.put(n.toLowerCase(Locale.ROOT), new Object[] {Dimension.BRAND, n}));
        vocabulary.categories().forEach(n -> names.put(n.toLowerCase(Locale.ROOT), new Object[] {Dimension.CATEGORY,
            n}));
        vocabulary.products().forEach(n -> names.put(n.toLowerCase(Locale.ROOT), new Object[] {Dimension.PRODUCT,
            n}));
        for (String code : vocabulary.countries()) {
            names.put(new Locale("", code).getDisplayCountry(Locale.ENGLISH).toLowerCase(Locale.ROOT),
                    new Object[] {Dimension.COUNTRY, code});
        }
        for (int length = 4; length >= 1; length--) {
            for (int i = 0; i + length <= w.size(); i++) {
                if (!free(w, i, length) || known(w, i, length)) {
                    continue;
                }
                String text = w.text(i, length);
                int budget = Fuzzy.budget(text.length());
                Object[] best = null;
                int bestDistance = budget + 1;
                boolean tie = false;
                for (var e : names.entrySet()) {
                    int d = Fuzzy.distance(text, e.getKey());
                    if (d < bestDistance) {
                        best = e.getValue();
                        bestDistance = d;
                        tie = false;
                    } else if (d == bestDistance && best != null && !best[1].equals(e.getValue()[1])) {
                        tie = true;
                    }
                }
                if (best != null && !tie) {
                    w.mark(i, length);
                    p.filter((Dimension) best[0], (String) best[1]);
                    skipNoun(w, i + length);
                }
            }
        }
    }

    /** A word the keyword tables know is never read as a misspelt name. */
    private static boolean known(Words w, int from, int length) {
        for (int k = from; k < from + length; k++) {
            String x = w.at(k);
            if (FILLER.contains(x) || KNOWN.contains(x) || Times.number(x) != null || Times.month(x) != null
                    || x.matches("q[1-4]|\\d.*")) {
                return true;
            }
        }
        return false;
    }

    static Refusal refuse(String message) {
        return new Refusal(message, SUGGESTIONS);
    }
}
