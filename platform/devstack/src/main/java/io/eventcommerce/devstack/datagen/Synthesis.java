package io.eventcommerce.devstack.datagen;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * The data to load, decided up front from one seed: the same seed and scale give the same records, ids included.
 * Pure (no I/O), so its shape (seasonality, long tail, status mix, fraud share) is unit-tested.
 */
public final class Synthesis {

    /** Two years of history, ending the day before {@code now}. */
    static final Duration HISTORY = Duration.ofDays(730);
    /** Share of orders that carry a fraud pattern, and are labelled so in fraud-labels.csv. */
    static final double FRAUD_SHARE = 0.02;

    record Category(String name, int parent) {
    }

    record Product(String sku, String name, String brand, int category, BigDecimal price, BigDecimal cost,
                   double popularity) {
    }

    record Stock(int warehouse, int product, int onHand, int reorderPoint) {
    }

    record Promotion(String code, String kind, BigDecimal value, BigDecimal minimumOrder, Integer usageLimit,
                     Instant startsAt, Instant endsAt) {
    }

    record Customer(String email, String firstName, String lastName, String country, String segment) {
    }

    record Line(int product, int quantity, BigDecimal unitPrice) {
    }

    /** One historical order; the times a status implies are set, the others null. */
    record Order(UUID id, int customer, String status, String channel, List<Line> lines, String shipCountry,
                 Instant placedAt, Instant paidAt, Instant shippedAt, Instant deliveredAt, Instant returnedAt,
                 Instant cancelledAt, String cancelReason, String fraudPattern) {

        boolean delivered() {
            return deliveredAt != null;
        }
    }

    record Review(int order, int product, int rating) {
    }

    record Supplier(String name, String email, String country, int leadTimeDays) {
    }

    /** A purchase order of the last 90 days and how far it got: DRAFT, SUBMITTED, APPROVED, RECEIVED, CANCELLED. */
    record PurchaseOrder(int supplier, int warehouse, int daysAgo, List<Line> lines, String status,
                         boolean twoReceipts, boolean shortDelivery) {
    }

    private static final String[] DEPARTMENTS = {"Electronics", "Home & Kitchen", "Clothing", "Sports & Outdoors",
        "Books", "Toys & Games", "Beauty", "Garden", "Automotive", "Office"};
    private static final String[] SUBS = {"Essentials", "Premium", "Accessories", "Outlet", "New Arrivals",
        "Classics", "Eco", "Compact", "Professional", "Kids"};
    private static final String[] ADJECTIVES = {"Smart", "Classic", "Ultra", "Eco", "Compact", "Deluxe", "Pro",
        "Light", "Urban", "Vintage", "Silent", "Rapid", "Cozy", "Rugged", "Sleek"};
    private static final String[] NOUNS = {"Kettle", "Headphones", "Backpack", "Lamp", "Jacket", "Blender",
        "Speaker", "Sneakers", "Notebook", "Drill", "Tent", "Watch", "Mug", "Chair", "Camera", "Puzzle", "Serum",
        "Hose", "Charger", "Desk"};
    private static final String[] BRANDS = {"Acme", "Northwind", "Globex", "Initech", "Umbrella", "Stark",
        "Wayne", "Hooli", "Vandelay", "Soylent", "Tyrell", "Cyberdyne"};
    private static final String[] FIRST = {"Ada", "Alan", "Grace", "Linus", "Margaret", "Dennis", "Barbara",
        "Ken", "Frances", "Tim", "Hedy", "Edsger", "Radia", "Donald", "Katherine", "Guido", "Yukihiro", "Anita",
        "Sophie", "Mateo", "Aiko", "Lena", "Ravi", "Chen", "Olga", "Kwame", "Ines", "Noah"};
    private static final String[] LAST = {"Lovelace", "Turing", "Hopper", "Torvalds", "Hamilton", "Ritchie",
        "Liskov", "Thompson", "Allen", "Berners-Lee", "Lamarr", "Dijkstra", "Perlman", "Knuth", "Johnson",
        "van Rossum", "Matsumoto", "Borg", "Müller", "García", "Tanaka", "Novak", "Patel", "Wang", "Ivanova",
        "Mensah", "Silva", "Smith"};
    /** Countries with their share of customers: many countries, a few big ones. */
    private static final String[] COUNTRIES = {"US", "GB", "DE", "FR", "CA", "AU", "NL", "ES", "IT", "JP", "BR",
        "IN", "SE", "PL", "MX", "IE", "AT", "CH", "DK", "NZ"};
    private static final double[] COUNTRY_WEIGHTS = {30, 10, 10, 7, 6, 5, 4, 4, 4, 3, 3, 3, 2, 2, 2, 1.5, 1.2, 1.2,
        0.6, 0.5};
    private static final String[] SEGMENTS = {"NEW", "REGULAR", "VIP", "WHOLESALE"};
    private static final double[] SEGMENT_WEIGHTS = {30, 55, 10, 5};
    private static final String[] CHANNELS = {"WEB", "MOBILE", "STORE", "PHONE", "API"};
    private static final double[] CHANNEL_WEIGHTS = {50, 35, 8, 4, 3};
    /** Relative demand per month (January first): a holiday peak, a summer bump, a January lull. */
    static final double[] MONTH = {0.8, 0.8, 0.95, 0.95, 1.0, 1.05, 1.1, 1.05, 0.95, 1.0, 1.4, 1.7};
    /** Relative demand per day of week (Monday first): weekends are busier. */
    static final double[] WEEKDAY = {0.9, 0.9, 0.95, 1.0, 1.1, 1.3, 1.25};
    private static final double[] HOUR = {0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.4, 0.7, 0.9, 1.0, 1.0, 1.1, 1.2, 1.1,
        1.0, 1.0, 1.1, 1.2, 1.4, 1.6, 1.7, 1.5, 1.0, 0.5};

    final Scale scale;
    final long seed;
    final Instant end;
    final List<Category> categories = new ArrayList<>();
    final List<Product> products = new ArrayList<>();
    final List<Stock> stock = new ArrayList<>();
    final List<Promotion> promotions = new ArrayList<>();
    final List<Customer> customers = new ArrayList<>();
    final List<Order> orders = new ArrayList<>();
    final List<Review> reviews = new ArrayList<>();
    final List<Supplier> suppliers = new ArrayList<>();
    final List<PurchaseOrder> purchaseOrders = new ArrayList<>();

    private final Random random;
    private double[] productCdf;
    private double[] customerCdf;

    private Synthesis(Scale scale, long seed, Instant now) {
        this.scale = scale;
        this.seed = seed;
        this.end = now.truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(1));
        this.random = new Random(seed);
    }

    public static Synthesis of(Scale scale, long seed, Instant now) {
        Synthesis s = new Synthesis(scale, seed, now);
        s.categories();
        s.products();
        s.stock();
        s.promotions();
        s.customers();
        s.orders();
        s.reviews();
        s.purchasing();
        return s;
    }

    private void categories() {
        for (int i = 0; i < scale.rootCategories; i++) {
            categories.add(new Category(DEPARTMENTS[i % DEPARTMENTS.length] + suffix(i, DEPARTMENTS.length), -1));
        }
        for (int i = 0; i < scale.subCategories; i++) {
            int parent = i % scale.rootCategories;
            categories.add(new Category(categories.get(parent).name() + " " + SUBS[(i / scale.rootCategories)
                    % SUBS.length] + suffix(i, scale.rootCategories * SUBS.length), parent));
        }
    }

    private static String suffix(int i, int period) {
        return i < period ? "" : " " + (i / period + 1);
    }

    private void products() {
        int[] rank = shuffledRanks(scale.products);
        double[] weights = new double[scale.products];
        for (int i = 0; i < scale.products; i++) {
            String name = pick(ADJECTIVES) + " " + pick(NOUNS) + " " + (100 + random.nextInt(900));
            // Log-normal prices around 30, from about 2 to 2,000.
            double price = Math.min(2000, Math.max(1.99, Math.exp(Math.log(30) + 1.0 * random.nextGaussian())));
            BigDecimal p = BigDecimal.valueOf(price).setScale(2, RoundingMode.HALF_UP);
            BigDecimal cost = p.multiply(BigDecimal.valueOf(0.4 + 0.3 * random.nextDouble()))
                    .setScale(2, RoundingMode.HALF_UP);
            int category = scale.rootCategories + random.nextInt(scale.subCategories);
            // Zipf-like popularity: a few best sellers and a long tail.
            weights[i] = 1.0 / Math.pow(rank[i] + 1, 1.1);
            products.add(new Product(String.format("GEN-%d-%05d", seed, i), name, pick(BRANDS), category, p, cost,
                    weights[i]));
        }
        productCdf = cdf(weights);
    }

    private void stock() {
        for (int w = 0; w < scale.warehouses; w++) {
            double share = 0.7 + 0.2 * random.nextDouble();
            for (int p = 0; p < scale.products; p++) {
                if (random.nextDouble() < share) {
                    stock.add(new Stock(w, p, 20 + random.nextInt(480), 10 + random.nextInt(40)));
                }
            }
        }
    }

    private void promotions() {
        Instant start = end.minus(HISTORY);
        for (int i = 0; i < scale.promotions; i++) {
            boolean percent = random.nextDouble() < 0.6;
            BigDecimal value = percent ? BigDecimal.valueOf(5 + 5 * random.nextInt(6))
                    : BigDecimal.valueOf(5 + 5 * random.nextInt(4)).setScale(2, RoundingMode.UNNECESSARY);
            Instant from = start.plus(Duration.ofDays(random.nextInt(700)));
            Instant to = random.nextDouble() < 0.2 ? null : from.plus(Duration.ofDays(7 + random.nextInt(60)));
            promotions.add(new Promotion(String.format("GEN%dP%03d", seed, i), percent ? "PERCENT" : "FIXED", value,
                    random.nextDouble() < 0.5 ? BigDecimal.valueOf(25 + 25 * random.nextInt(4)) : null,
                    random.nextDouble() < 0.5 ? 50 + random.nextInt(450) : null, from, to));
        }
    }

    private void customers() {
        double[] activity = new double[scale.customers];
        for (int i = 0; i < scale.customers; i++) {
            customers.add(new Customer(String.format("gen-%d-%05d@example.com", seed, i), pick(FIRST), pick(LAST),
                    weighted(COUNTRIES, COUNTRY_WEIGHTS), weighted(SEGMENTS, SEGMENT_WEIGHTS)));
            // Pareto activity: some customers order often, most rarely.
            activity[i] = Math.pow(1 - random.nextDouble(), -1 / 1.5);
        }
        customerCdf = cdf(activity);
    }

    private void orders() {
        for (int i = 0; i < scale.orders; i++) {
            orders.add(order(i));
        }
        orders.sort((a, b) -> a.placedAt().compareTo(b.placedAt()));
    }

    private Order order(int index) {
        UUID id = uuid("order", index);
        int customer = sample(customerCdf);
        boolean fraud = random.nextDouble() < FRAUD_SHARE;
        Instant placed = placedAt(fraud);
        int lineCount = fraud ? 1 + random.nextInt(2) : lines();
        List<Line> lines = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (int l = 0; l < lineCount; l++) {
            int product = fraud ? mostExpensive() : sample(productCdf);
            if (!seen.add(product)) {
                continue;
            }
            int quantity = fraud ? 3 + random.nextInt(6) : random.nextDouble() < 0.8 ? 1 : 2 + random.nextInt(2);
            BigDecimal historical = products.get(product).price()
                    .multiply(BigDecimal.valueOf(0.9 + 0.15 * random.nextDouble())).setScale(2, RoundingMode.HALF_UP);
            lines.add(new Line(product, quantity, historical));
        }
        String home = customers.get(customer).country();
        String shipTo = fraud && random.nextDouble() < 0.7 ? otherCountry(home) : home;
        String pattern = fraud ? "bulk high-value, night-time" + (shipTo.equals(home) ? "" : ", ships abroad") : null;
        double u = random.nextDouble();
        String channel = weighted(CHANNELS, CHANNEL_WEIGHTS);
        Instant paid = placed.plus(Duration.ofMinutes(1 + random.nextInt(30)));
        if (fraud && u < 0.4) {
            return new Order(id, customer, "CANCELLED", channel, lines, shipTo, placed, null, null, null, null,
                    placed.plus(Duration.ofMinutes(5)), "FRAUD_REJECTED", pattern);
        }
        if (u < 0.15) {
            String reason = random.nextDouble() < 0.6 ? "CUSTOMER_REQUEST" : "OUT_OF_STOCK";
            return new Order(id, customer, "CANCELLED", channel, lines, shipTo, placed, null, null, null, null,
                    placed.plus(Duration.ofHours(1 + random.nextInt(24))), reason, pattern);
        }
        if (u < 0.30) {
            return new Order(id, customer, "PAID", channel, lines, shipTo, placed, paid, null, null, null, null,
                    null, pattern);
        }
        Instant shipped = paid.plus(Duration.ofHours(6 + random.nextInt(60)));
        Instant delivered = shipped.plus(Duration.ofHours(24 + random.nextInt(120)));
        if (delivered.isAfter(end) || u < 0.32) {
            return new Order(id, customer, "SHIPPED", channel, lines, shipTo, placed, paid, min(shipped), null, null,
                    null, null, pattern);
        }
        if (u < 0.36) {
            Instant returned = delivered.plus(Duration.ofDays(2 + random.nextInt(20)));
            if (!returned.isAfter(end)) {
                return new Order(id, customer, "RETURNED", channel, lines, shipTo, placed, paid, shipped, delivered,
                        returned, null, null, pattern);
            }
        }
        return new Order(id, customer, "DELIVERED", channel, lines, shipTo, placed, paid, shipped, delivered, null,
                null, null, pattern);
    }

    private Instant min(Instant shipped) {
        return shipped.isAfter(end) ? end : shipped;
    }

    /** A day drawn by trend, yearly and weekly seasonality (rejection sampling), then an hour of that day. */
    private Instant placedAt(boolean fraud) {
        Instant start = end.minus(HISTORY);
        double max = 1.5 * 1.7 * 1.3;
        while (true) {
            long day = random.nextInt((int) HISTORY.toDays());
            ZonedDateTime date = start.plus(Duration.ofDays(day)).atZone(ZoneOffset.UTC);
            double trend = 1.0 + 0.5 * day / HISTORY.toDays();
            double weight = trend * MONTH[date.getMonthValue() - 1] * WEEKDAY[date.getDayOfWeek().getValue() - 1];
            if (random.nextDouble() * max < weight) {
                int hour = fraud ? 1 + random.nextInt(4) : sampleHour();
                return date.plusHours(hour).plusMinutes(random.nextInt(60)).plusSeconds(random.nextInt(60))
                        .toInstant();
            }
        }
    }

    private int sampleHour() {
        double total = Arrays.stream(HOUR).sum();
        double u = random.nextDouble() * total;
        for (int h = 0; h < HOUR.length; h++) {
            u -= HOUR[h];
            if (u <= 0) {
                return h;
            }
        }
        return 12;
    }

    /** 1 to 6 lines, 2.5 on average. */
    private int lines() {
        double u = random.nextDouble();
        return u < 0.25 ? 1 : u < 0.55 ? 2 : u < 0.78 ? 3 : u < 0.92 ? 4 : u < 0.97 ? 5 : 6;
    }

    private int mostExpensive() {
        int best = random.nextInt(products.size());
        for (int i = 0; i < 20; i++) {
            int candidate = random.nextInt(products.size());
            if (products.get(candidate).price().compareTo(products.get(best).price()) > 0) {
                best = candidate;
            }
        }
        return best;
    }

    private String otherCountry(String home) {
        String other;
        do {
            other = pick(COUNTRIES);
        } while (other.equals(home));
        return other;
    }

    /** About 0.8 reviews per delivered order (~25,000 at seed scale), one per customer and product, mostly good. */
    private void reviews() {
        Set<Long> reviewed = new HashSet<>();
        double[] ratings = {7, 6, 12, 30, 45};
        for (int o = 0; o < orders.size(); o++) {
            Order order = orders.get(o);
            if (!order.delivered() || order.fraudPattern() != null || random.nextDouble() > 0.85) {
                continue;
            }
            Line line = order.lines().get(random.nextInt(order.lines().size()));
            if (reviewed.add((long) order.customer() * scale.products + line.product())) {
                reviews.add(new Review(o, line.product(), 1 + sampleIndex(ratings)));
            }
        }
    }

    /** Seed 002: suppliers, and 2 to 5 purchase orders a week over the last 90 days, older ones received. */
    private void purchasing() {
        int count = scale == Scale.SEED ? 10 : 3;
        for (int i = 0; i < count; i++) {
            suppliers.add(new Supplier(pick(BRANDS) + " Supply " + (i + 1), String.format("supplier-%d-%02d@example.com",
                    seed, i), pick(COUNTRIES), 3 + random.nextInt(25)));
        }
        for (int week = 12; week >= 0; week--) {
            int orders = 2 + random.nextInt(4);
            for (int n = 0; n < orders; n++) {
                int daysAgo = Math.max(0, week * 7 + random.nextInt(7) - 3);
                int warehouse = random.nextInt(scale.warehouses);
                List<Stock> kept = stock.stream().filter(st -> st.warehouse() == warehouse).toList();
                List<Line> lines = new ArrayList<>();
                Set<Integer> seen = new HashSet<>();
                for (int l = 0, size = 3 + random.nextInt(8); l < size; l++) {
                    int product = kept.get(random.nextInt(kept.size())).product();
                    if (seen.add(product)) {
                        lines.add(new Line(product, 20 + 10 * random.nextInt(19), products.get(product).cost()));
                    }
                }
                double u = random.nextDouble();
                String status = daysAgo > 14 ? (u < 0.08 ? "CANCELLED" : "RECEIVED")
                        : u < 0.25 ? "DRAFT" : u < 0.5 ? "SUBMITTED" : u < 0.8 ? "APPROVED" : "RECEIVED";
                purchaseOrders.add(new PurchaseOrder(random.nextInt(suppliers.size()), warehouse, daysAgo, lines,
                        status, random.nextDouble() < 0.3, random.nextDouble() < 0.15));
            }
        }
    }

    private int sampleIndex(double[] weights) {
        return sample(cdf(weights));
    }

    UUID uuid(String kind, int index) {
        Random r = new Random(seed * 31 + kind.hashCode() * 1_000_003L + index);
        ByteBuffer bytes = ByteBuffer.allocate(16).putLong(r.nextLong()).putLong(r.nextLong());
        byte[] b = bytes.array();
        b[6] = (byte) ((b[6] & 0x0f) | 0x40);
        b[8] = (byte) ((b[8] & 0x3f) | 0x80);
        ByteBuffer back = ByteBuffer.wrap(b);
        return new UUID(back.getLong(), back.getLong());
    }

    private int[] shuffledRanks(int n) {
        int[] ranks = new int[n];
        for (int i = 0; i < n; i++) {
            ranks[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = ranks[i];
            ranks[i] = ranks[j];
            ranks[j] = t;
        }
        return ranks;
    }

    private static double[] cdf(double[] weights) {
        double[] cdf = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            cdf[i] = sum;
        }
        for (int i = 0; i < cdf.length; i++) {
            cdf[i] /= sum;
        }
        return cdf;
    }

    private int sample(double[] cdf) {
        int index = Arrays.binarySearch(cdf, random.nextDouble());
        return Math.min(index >= 0 ? index : -index - 1, cdf.length - 1);
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private String weighted(String[] values, double[] weights) {
        return values[sampleIndex(weights)];
    }

    static boolean weekend(Instant instant) {
        DayOfWeek day = instant.atZone(ZoneOffset.UTC).getDayOfWeek();
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
    }
}
