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
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntSupplier;
import java.util.stream.IntStream;

/**
 * The data to load, decided up front from one seed: the same seed and scale give the same records, ids included.
 * Pure (no I/O), so its shape (seasonality, long tail, status mix, fraud patterns and their labels: {@link FraudMix})
 * is unit-tested.
 */
public final class Synthesis {

    /** Two years of history, ending the day before {@code now}. */
    static final Duration HISTORY = Duration.ofDays(730);
    /** The most a card tester's probing order costs a unit (at its highest scheduled price). */
    static final BigDecimal CARD_TEST_PRICE = new BigDecimal("15.00");
    /** The share of all orders that use a promotion code (ordinary orders only, where a code applies). */
    static final double PROMOTION_SHARE = 0.12;

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

    /** A card of a customer: a Luhn-valid number whose BIN says the issuing country ({@link CardBins}). */
    record Card(String number, String country, int expMonth, int expYear) {

        String last4() {
            return number.substring(number.length() - 4);
        }
    }

    /**
     * A customer, registered at {@code registeredAt} (before its first order), with its cards (the first is its
     * usual one). A fraudster's account is one the fraud patterns opened; nothing sent to the platform says so.
     */
    record Customer(UUID id, String email, String firstName, String lastName, String country, String segment,
                    Instant registeredAt, List<Card> cards, boolean fraudster) {
    }

    record Line(int product, int quantity, BigDecimal unitPrice) {
    }

    /**
     * One historical order; the times a status implies are set, the others null. {@code newAddress}: shipped to
     * an address other than the customer's home (rendered from the order id); {@code card}: index into the
     * customer's cards; {@code chargebackAt}: the label the platform learns (FraudMix), null if never charged back;
     * {@code fraudPattern}/{@code lookAlike}: the ground truth, never sent; {@code episode}: the fraud episode the
     * order belongs to (orders of one pattern run on one account), -1 for none; {@code promotion}: index of the
     * promotion whose code it used, -1 for none, with the {@code discount} it took off (null for none).
     */
    record Order(UUID id, int customer, String status, String channel, List<Line> lines, String shipCountry,
                 boolean newAddress, String billingCountry, int card, String clientIp,
                 Instant placedAt, Instant paidAt, Instant shippedAt, Instant deliveredAt, Instant returnedAt,
                 Instant cancelledAt, String cancelReason, Instant chargebackAt,
                 FraudMix.Pattern fraudPattern, FraudMix.LookAlike lookAlike, int episode, int promotion,
                 BigDecimal discount) {

        boolean delivered() {
            return deliveredAt != null;
        }

        boolean promoted() {
            return promotion >= 0;
        }

        BigDecimal value() {
            return lines.stream().map(l -> l.unitPrice().multiply(BigDecimal.valueOf(l.quantity())))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
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
    /** The price schedules of the products whose price varies ({@link PriceSchedule#SHARE}), by product index. */
    final Map<Integer, PriceSchedule> schedules = new java.util.LinkedHashMap<>();

    private final Random random;
    private final List<People> people = new ArrayList<>();
    private final List<Draft> drafts = new ArrayList<>();
    private double[] productCdf;
    /** By popularity among the products whose price never varies: where a refused pick goes. */
    private double[] steadyCdf;
    private double[] customerCdf;
    private List<Integer> cheapProducts;
    private long cardSerial;
    /**
     * The streams of what was added after the first data sets were loaded (price schedules, the demand's answer to
     * price, promotion use): kept apart from {@link #random}, so the draws made before stay the same for a seed.
     */
    private final Random prices;
    private final Random demand;
    private final Random promotionUse;

    private Synthesis(Scale scale, long seed, Instant now) {
        this.scale = scale;
        this.seed = seed;
        this.end = now.truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(1));
        this.random = new Random(seed);
        this.prices = stream(seed, 1);
        this.demand = stream(seed, 2);
        this.promotionUse = stream(seed, 3);
    }

    /** A random stream of its own for the seed; {@code n} tells the streams apart. */
    static Random stream(long seed, int n) {
        return new Random(seed * 0x9E3779B97F4A7C15L + n * 0xBF58476D1CE4E5B9L);
    }

    public static Synthesis of(Scale scale, long seed, Instant now) {
        Synthesis s = new Synthesis(scale, seed, now);
        s.categories();
        s.products();
        s.priceSchedules();
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

    /**
     * Which products' prices vary over the history, and how (drawn from a stream of their own): the best sellers
     * always ({@link PriceSchedule#BEST_SELLERS}), the others by a chance that keeps the share at
     * {@link PriceSchedule#SHARE}.
     */
    private void priceSchedules() {
        int days = (int) HISTORY.toDays();
        int best = Math.min(PriceSchedule.BEST_SELLERS, products.size());
        Set<Integer> bestSellers = new HashSet<>(IntStream.range(0, products.size()).boxed()
                .sorted(Comparator.comparingDouble(i -> -products.get(i).popularity())).limit(best)
                .toList());
        double chance = Math.max(0, (PriceSchedule.SHARE * products.size() - best) / (products.size() - best));
        for (int i = 0; i < products.size(); i++) {
            boolean drawn = prices.nextDouble() < chance;
            if (bestSellers.contains(i)) {
                schedules.put(i, PriceSchedule.draw(products.get(i).price(), days, PriceSchedule.BEST_SELLER_LEVELS,
                        prices));
            } else if (drawn) {
                schedules.put(i, PriceSchedule.draw(products.get(i).price(), days, 2, prices));
            }
        }
        double[] steady = new double[products.size()];
        for (int i = 0; i < products.size(); i++) {
            steady[i] = schedules.containsKey(i) ? 0 : products.get(i).popularity();
        }
        steadyCdf = cdf(steady);
    }

    /** The day of the history {@code at} falls on, 0 for the first. */
    int day(Instant at) {
        return (int) Math.floorDiv(Duration.between(end.minus(HISTORY), at).toSeconds(), 86_400L);
    }

    /** The product's price in force at {@code at}: its schedule's, or its list price if it has none. */
    BigDecimal priceAt(int product, Instant at) {
        PriceSchedule schedule = schedules.get(product);
        return schedule == null ? products.get(product).price() : schedule.priceOn(day(at));
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
            People c = person(weighted(COUNTRIES, COUNTRY_WEIGHTS), weighted(SEGMENTS, SEGMENT_WEIGHTS), false);
            // An expat's usual card is from the country it comes from; a second card, if any, from where it lives.
            c.expat = random.nextDouble() < FraudMix.EXPAT_SHARE;
            addCard(c, c.expat ? otherCountry(c.country) : c.country);
            if (random.nextDouble() < 0.25) {
                addCard(c, c.country);
            }
            // Pareto activity: some customers order often, most rarely.
            activity[i] = Math.pow(1 - random.nextDouble(), -1 / 1.5);
        }
        customerCdf = cdf(activity);
    }

    private People person(String country, String segment, boolean fraudster) {
        int index = people.size();
        People c = new People(index, uuid("customer", index), scale == Scale.SMALL
                ? String.format("gen-%d-%05d@example.com", seed, index)
                : String.format("gen-%d-%s-%05d@example.com", seed, scale.name().toLowerCase(java.util.Locale.ROOT),
                        index),
                pick(FIRST), pick(LAST), country, segment, fraudster);
        people.add(c);
        return c;
    }

    private int addCard(People c, String country) {
        c.cards.add(new Card(CardBins.number(country, seed * 100_003 + cardSerial++), country, 1 + random.nextInt(12),
                2028 + random.nextInt(5)));
        return c.cards.size() - 1;
    }

    /**
     * The fraud episodes on accounts of their own first (their number of orders is known then), the legitimate
     * orders for the rest, then the takeovers of legitimate accounts that have a history by then; then the labels
     * (chargebacks) and the customers' registration times, which follow from their first orders.
     */
    private void orders() {
        int episode = 0;
        for (FraudMix.Pattern pattern : FraudMix.Pattern.values()) {
            if (pattern == FraudMix.Pattern.ACCOUNT_TAKEOVER) {
                continue;
            }
            int target = target(pattern);
            for (int made = 0; made < target; episode++) {
                made += switch (pattern) {
                    case CARD_TESTING -> cardTesting(episode);
                    case VELOCITY_BURST -> velocityBurst(episode);
                    case COUNTRY_MISMATCH -> countryMismatch(episode);
                    case HIGH_VALUE_FIRST_ORDER -> highValueFirstOrder(episode);
                    case ACCOUNT_TAKEOVER -> throw new IllegalStateException();
                };
            }
        }
        int takeovers = target(FraudMix.Pattern.ACCOUNT_TAKEOVER);
        for (int legitimate = scale.orders - drafts.size() - takeovers; legitimate > 0; legitimate--) {
            drafts.add(legitimateOrder());
        }
        bigFirstOrders();
        takeovers(takeovers, episode);
        chargebacks();
        registrations();
        promotionUses();
        people.forEach(p -> customers.add(p.build()));
        for (int i = 0; i < drafts.size(); i++) {
            orders.add(drafts.get(i).build(uuid("order", i)));
        }
        orders.sort((a, b) -> a.placedAt().compareTo(b.placedAt()));
    }

    private int target(FraudMix.Pattern pattern) {
        return (int) Math.round(pattern.share * scale.orders);
    }

    private Draft legitimateOrder() {
        Draft d = new Draft();
        d.customer = sample(customerCdf);
        People c = people.get(d.customer);
        d.placedAt = placedAt(HISTORY.toDays(), false, 0);
        d.lines = lines(d.placedAt, lines(), () -> sample(productCdf),
                () -> random.nextDouble() < 0.8 ? 1 : 2 + random.nextInt(2), true);
        d.channel = weighted(CHANNELS, CHANNEL_WEIGHTS);
        d.card = c.cards.size() > 1 && random.nextDouble() < 0.3 ? 1 : 0;
        d.shipCountry = c.country;
        d.billingCountry = c.country;
        d.clientIp = homeIp(d.customer, random.nextInt(3));
        if (!c.cards.get(d.card).country().equals(c.country)) {
            d.lookAlike = FraudMix.LookAlike.EXPAT;
        }
        int month = d.placedAt.atZone(ZoneOffset.UTC).getMonthValue();
        double gift = FraudMix.GIFT_SHARE * (month >= 11 ? 2 : 1);
        double u = random.nextDouble();
        if (u < FraudMix.TRAVELLER_SHARE) {
            String abroad = otherCountry(c.country);
            d.clientIp = IpBlocks.address(abroad, random.nextLong());
            if (random.nextDouble() < FraudMix.TRAVELLER_SHIPS_THERE) {
                d.shipCountry = abroad;
                d.newAddress = true;
            }
            d.lookAlike = FraudMix.LookAlike.TRAVELLER;
        } else if (u < FraudMix.TRAVELLER_SHARE + gift) {
            d.newAddress = true;
            if (random.nextDouble() < FraudMix.GIFT_ABROAD) {
                d.shipCountry = otherCountry(c.country);
            }
            d.lookAlike = FraudMix.LookAlike.GIFT;
        }
        settleLegitimate(d);
        return d;
    }

    /** Some WHOLESALE customers' first order is a bulk one of expensive products, the day they registered. */
    private void bigFirstOrders() {
        Map<Integer, Draft> first = new HashMap<>();
        for (Draft d : drafts) {
            if (d.pattern == null && !people.get(d.customer).fraudster) {
                first.merge(d.customer, d, (a, b) -> a.placedAt.isAfter(b.placedAt) ? b : a);
            }
        }
        for (int i = 0; i < scale.customers; i++) {
            People c = people.get(i);
            Draft d = first.get(i);
            if (d == null || !c.segment.equals("WHOLESALE") || random.nextDouble() >= FraudMix.BIG_FIRST_ORDER_SHARE) {
                continue;
            }
            // Stock for a shop: several better products by the handful, in value like a fraudster's first order.
            d.lines = lines(d.placedAt, 2 + random.nextInt(3), this::pricey, () -> 2 + random.nextInt(7));
            d.shipCountry = c.country;
            d.newAddress = false;
            d.card = 0;
            d.clientIp = homeIp(i, 0);
            d.lookAlike = FraudMix.LookAlike.BIG_FIRST_ORDER;
            c.sameDay = true;
        }
    }

    /** Stolen cards tried one after another with small orders on a fresh account, minutes apart; most declined. */
    private int cardTesting(int episode) {
        String home = weighted(COUNTRIES, COUNTRY_WEIGHTS);
        Instant start = placedAt(HISTORY.toDays() - 2, true, 0.5);
        People c = person(home, "NEW", true);
        c.registeredAt = start.minusSeconds(120 + random.nextInt(3480));
        int cards = 3 + random.nextInt(4);
        for (int i = 0; i < cards; i++) {
            addCard(c, random.nextDouble() < 0.5 ? home : otherCountry(home));
        }
        String ip = IpBlocks.address(random.nextDouble() < 0.6 ? otherCountry(home) : home, random.nextLong());
        String channel = random.nextDouble() < 0.6 ? "WEB" : "API";
        int attempts = 4 + random.nextInt(6);
        Instant t = start;
        int cursor = 0;
        int worked = -1;
        for (int k = 0; k < attempts; k++) {
            if (k > 0) {
                t = t.plusSeconds(20 + random.nextInt(130));
            }
            Draft d = fraud(c, FraudMix.Pattern.CARD_TESTING, episode, t, ip, channel);
            d.lines = lines(d.placedAt, 1, this::cheap, () -> 1);
            d.card = cursor;
            d.shipCountry = home;
            d.billingCountry = c.cards.get(cursor).country();
            if (k == 0 || random.nextDouble() < 0.75) {
                decline(d);
                cursor = (cursor + 1) % cards;
            } else {
                settleFraud(d, 0);
                worked = d.card;
            }
        }
        if (worked < 0 || random.nextDouble() >= 0.4) {
            return attempts;
        }
        // The cash-out: a card that went through buys something worth reselling.
        Draft d = fraud(c, FraudMix.Pattern.CARD_TESTING, episode, t.plusSeconds(300 + random.nextInt(1500)), ip,
                channel);
        d.lines = lines(d.placedAt, 1 + random.nextInt(2), this::pricey, () -> 1 + random.nextInt(2));
        d.card = worked;
        d.shipCountry = home;
        d.billingCountry = c.cards.get(worked).country();
        settleFraud(d, FraudMix.Pattern.CARD_TESTING.rejected);
        return attempts + 1;
    }

    /** Many orders of resellable goods within an hour on a fresh account; the platform catches on late. */
    private int velocityBurst(int episode) {
        String home = weighted(COUNTRIES, COUNTRY_WEIGHTS);
        Instant start = placedAt(HISTORY.toDays() - 2, true, 0.3);
        People c = person(home, "NEW", true);
        c.registeredAt = start.minusSeconds(1800 + random.nextInt(3 * 86_400));
        int cards = 1 + random.nextInt(2);
        for (int i = 0; i < cards; i++) {
            addCard(c, random.nextDouble() < 0.6 ? home : otherCountry(home));
        }
        String ip = IpBlocks.address(random.nextDouble() < 0.5 ? home : otherCountry(home), random.nextLong());
        String channel = random.nextDouble() < 0.5 ? "WEB" : "MOBILE";
        int count = 6 + random.nextInt(7);
        Instant t = start;
        for (int k = 0; k < count; k++) {
            if (k > 0) {
                t = t.plusSeconds(60 + random.nextInt(240));
            }
            Draft d = fraud(c, FraudMix.Pattern.VELOCITY_BURST, episode, t, ip, channel);
            d.lines = lines(d.placedAt, 1 + random.nextInt(2), this::pricey, () -> 1 + random.nextInt(2));
            d.card = random.nextInt(cards);
            d.shipCountry = home;
            d.newAddress = random.nextDouble() < 0.4;
            d.billingCountry = c.cards.get(d.card).country();
            settleFraud(d, k < 3 ? 0 : Math.min(1, 1.5 * FraudMix.Pattern.VELOCITY_BURST.rejected));
        }
        return count;
    }

    /** A card holder's card and billing country, shipped to another country, ordered from a third. */
    private int countryMismatch(int episode) {
        String home = weighted(COUNTRIES, COUNTRY_WEIGHTS);
        String cardCountry = otherCountry(home);
        Instant start = placedAt(HISTORY.toDays() - 5, true, 0.4);
        People c = person(home, random.nextDouble() < 0.8 ? "NEW" : "REGULAR", true);
        c.registeredAt = start.minusSeconds(3600 + random.nextInt(30 * 86_400));
        int card = addCard(c, cardCountry);
        boolean abroad = random.nextDouble() < 0.5;
        String shipTo = abroad ? otherCountry(home, cardCountry) : home;
        String ipCountry = otherCountry(cardCountry, shipTo);
        String ip = IpBlocks.address(ipCountry, random.nextLong());
        int count = random.nextDouble() < 0.4 ? 2 : 1;
        Instant t = start;
        for (int k = 0; k < count; k++) {
            if (k > 0) {
                t = t.plusSeconds(3600 + random.nextInt(71 * 3600));
            }
            Draft d = fraud(c, FraudMix.Pattern.COUNTRY_MISMATCH, episode, t, ip, "WEB");
            d.lines = lines(d.placedAt, 1 + random.nextInt(3), this::pricey, () -> 1 + random.nextInt(3));
            d.card = card;
            d.shipCountry = shipTo;
            d.newAddress = abroad;
            d.billingCountry = cardCountry;
            settleFraud(d, FraudMix.Pattern.COUNTRY_MISMATCH.rejected);
        }
        return count;
    }

    /** A fresh account's first order: bulk quantities of the most expensive products, often at night. */
    private int highValueFirstOrder(int episode) {
        String home = weighted(COUNTRIES, COUNTRY_WEIGHTS);
        Instant start = placedAt(HISTORY.toDays() - 2, true, 0.6);
        People c = person(home, "NEW", true);
        c.registeredAt = start.minusSeconds(120 + random.nextInt(3 * 3600 - 120));
        int card = addCard(c, random.nextDouble() < 0.5 ? home : otherCountry(home));
        String ip = IpBlocks.address(random.nextDouble() < 0.6 ? home : otherCountry(home), random.nextLong());
        Draft d = fraud(c, FraudMix.Pattern.HIGH_VALUE_FIRST_ORDER, episode, start, ip,
                random.nextDouble() < 0.7 ? "WEB" : "MOBILE");
        d.lines = lines(d.placedAt, 1 + random.nextInt(2), this::mostExpensive, () -> 2 + random.nextInt(5));
        d.card = card;
        d.newAddress = random.nextDouble() < 0.5;
        d.shipCountry = d.newAddress ? otherCountry(home) : home;
        d.billingCountry = c.cards.get(card).country();
        settleFraud(d, FraudMix.Pattern.HIGH_VALUE_FIRST_ORDER.rejected);
        return 1;
    }

    /**
     * Accounts at least half a year old with a few orders behind them, taken over: a new card of another country,
     * a foreign IP, high value shipped to a new address abroad, within a few hours. The owner's own later orders
     * go on as before.
     */
    private void takeovers(int target, int firstEpisode) {
        Map<Integer, List<Draft>> history = new HashMap<>();
        for (Draft d : drafts) {
            if (!people.get(d.customer).fraudster) {
                history.computeIfAbsent(d.customer, k -> new ArrayList<>()).add(d);
            }
        }
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < scale.customers; i++) {
            if (history.getOrDefault(i, List.of()).size() >= FraudMix.TAKEOVER_MIN_ORDERS) {
                candidates.add(i);
            }
        }
        java.util.Collections.shuffle(candidates, random);
        Instant latest = end.minus(Duration.ofDays(2));
        int made = 0;
        int episode = firstEpisode;
        for (int customer : candidates) {
            if (made >= target) {
                break;
            }
            List<Draft> own = history.get(customer);
            own.sort((a, b) -> a.placedAt.compareTo(b.placedAt));
            Instant from = max(own.get(0).placedAt.plus(FraudMix.TAKEOVER_MIN_AGE),
                    own.get(FraudMix.TAKEOVER_MIN_ORDERS - 1).placedAt.plus(Duration.ofDays(1)));
            if (!from.isBefore(latest)) {
                continue;
            }
            People c = people.get(customer);
            Instant t = from.plusSeconds((long) (random.nextDouble() * Duration.between(from, latest).toSeconds()));
            String shipTo = otherCountry(c.country);
            int card = addCard(c, random.nextDouble() < 0.7 ? shipTo : otherCountry(c.country));
            String ip = IpBlocks.address(random.nextDouble() < 0.7 ? shipTo : otherCountry(c.country),
                    random.nextLong());
            int count = Math.min(1 + random.nextInt(3), target - made);
            for (int k = 0; k < count; k++) {
                if (k > 0) {
                    t = t.plusSeconds(600 + random.nextInt(3000));
                }
                Draft d = fraud(c, FraudMix.Pattern.ACCOUNT_TAKEOVER, episode, t, ip, "WEB");
                d.lines = lines(d.placedAt, 1 + random.nextInt(2), this::mostExpensive, () -> 1 + random.nextInt(3));
                d.card = card;
                d.shipCountry = shipTo;
                d.newAddress = true;
                d.billingCountry = c.cards.get(card).country();
                settleFraud(d, FraudMix.Pattern.ACCOUNT_TAKEOVER.rejected);
            }
            made += count;
            episode++;
        }
    }

    /** A new fraud order of the account, placed at {@code placed}; its lines, card, countries and fate follow. */
    private Draft fraud(People c, FraudMix.Pattern pattern, int episode, Instant placed, String ip, String channel) {
        Draft d = new Draft();
        d.customer = c.index;
        d.pattern = pattern;
        d.episode = episode;
        d.placedAt = placed;
        d.clientIp = ip;
        d.channel = channel;
        drafts.add(d);
        return d;
    }

    private void settleLegitimate(Draft d) {
        double u = random.nextDouble();
        Instant placed = d.placedAt;
        if (u < 0.15) {
            d.cancel(random.nextDouble() < 0.6 ? "CUSTOMER_REQUEST" : "OUT_OF_STOCK",
                    placed.plus(Duration.ofHours(1 + random.nextInt(24))));
            return;
        }
        d.status = "PAID";
        d.paidAt = placed.plus(Duration.ofMinutes(1 + random.nextInt(30)));
        if (u < 0.30) {
            return;
        }
        Instant shipped = d.paidAt.plus(Duration.ofHours(6 + random.nextInt(60)));
        Instant delivered = shipped.plus(Duration.ofHours(24 + random.nextInt(120)));
        if (shipped.isAfter(end)) {
            // Not shipped yet when the history ends (clamping to the end could put it before a late payment).
            return;
        }
        if (delivered.isAfter(end) || u < 0.32) {
            d.status = "SHIPPED";
            d.shippedAt = shipped;
            return;
        }
        d.status = "DELIVERED";
        d.shippedAt = shipped;
        d.deliveredAt = delivered;
        if (u < 0.36) {
            Instant returned = delivered.plus(Duration.ofDays(2 + random.nextInt(20)));
            if (!returned.isAfter(end)) {
                d.status = "RETURNED";
                d.returnedAt = returned;
            }
        }
    }

    /** Rejected by the platform's fraud check with the given probability, else paid at once and mostly shipped. */
    private void settleFraud(Draft d, double rejected) {
        if (random.nextDouble() < rejected) {
            d.cancel("FRAUD_REJECTED", d.placedAt.plusSeconds(120 + random.nextInt(480)));
            return;
        }
        d.status = "PAID";
        d.paidAt = d.placedAt.plusSeconds(5 + random.nextInt(600));
        if (random.nextDouble() < 0.3) {
            return;
        }
        Instant shipped = d.paidAt.plus(Duration.ofHours(6 + random.nextInt(60)));
        Instant delivered = shipped.plus(Duration.ofHours(24 + random.nextInt(120)));
        if (shipped.isAfter(end)) {
            return;
        }
        d.status = delivered.isAfter(end) ? "SHIPPED" : "DELIVERED";
        d.shippedAt = shipped;
        d.deliveredAt = delivered.isAfter(end) ? null : delivered;
    }

    /** The card was declined: cancelled seconds later, never paid. */
    private void decline(Draft d) {
        d.cancel("PAYMENT_DECLINED", d.placedAt.plusSeconds(2 + random.nextInt(20)));
    }

    /**
     * Promotion codes on about {@link #PROMOTION_SHARE} of the orders: an ordinary order uses one of the codes that
     * apply to it when it is placed (valid then; its subtotal at least the code's minimum and above the amount taken
     * off, so no order is free; uses left under the limit, counted in the order the orders were placed, cancelled
     * ones included) with the discount catalog's rules give. Fraud orders use none. Drawn from a stream of its own.
     */
    private void promotionUses() {
        List<Draft> ordinary = drafts.stream().filter(d -> d.pattern == null)
                .sorted(java.util.Comparator.comparing(d -> d.placedAt)).toList();
        long eligible = ordinary.stream().filter(d -> !applicable(d, null).isEmpty()).count();
        double chance = eligible == 0 ? 0 : Math.min(1, PROMOTION_SHARE * drafts.size() / eligible);
        int[] used = new int[promotions.size()];
        for (Draft d : ordinary) {
            if (promotionUse.nextDouble() >= chance) {
                continue;
            }
            List<Integer> codes = applicable(d, used);
            if (codes.isEmpty()) {
                continue;
            }
            int chosen = codes.get(promotionUse.nextInt(codes.size()));
            used[chosen]++;
            d.promotion = chosen;
            d.discount = discountOn(promotions.get(chosen), d.subtotal());
        }
    }

    /** The promotions whose code applies to the order when it is placed; {@code used}: uses so far, null to skip. */
    private List<Integer> applicable(Draft d, int[] used) {
        List<Integer> codes = new ArrayList<>();
        BigDecimal subtotal = d.subtotal();
        for (int i = 0; i < promotions.size(); i++) {
            Promotion p = promotions.get(i);
            if (validAt(p, d.placedAt) && (p.minimumOrder() == null || subtotal.compareTo(p.minimumOrder()) >= 0)
                    && discountOn(p, subtotal).compareTo(subtotal) < 0
                    && (used == null || p.usageLimit() == null || used[i] < p.usageLimit())) {
                codes.add(i);
            }
        }
        return codes;
    }

    /** Catalog's validity window: from {@code startsAt} (inclusive) to {@code endsAt} (exclusive, open if null). */
    static boolean validAt(Promotion p, Instant at) {
        return !at.isBefore(p.startsAt()) && (p.endsAt() == null || at.isBefore(p.endsAt()));
    }

    /**
     * What the code takes off the subtotal by catalog's rules: a percentage rounded half up to the cent, or the
     * fixed amount; never more than the subtotal.
     */
    static BigDecimal discountOn(Promotion p, BigDecimal subtotal) {
        BigDecimal off = p.kind().equals("PERCENT")
                ? subtotal.multiply(p.value()).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP)
                : p.value().setScale(2, RoundingMode.UNNECESSARY);
        return off.min(subtotal);
    }

    /**
     * The labels the platform learns, weeks later: most paid fraud is charged back 5–60 days after the payment
     * (after its last step), some never; a few legitimate orders are charged back too (friendly fraud). A
     * chargeback that would fall after the end of the history has not happened yet.
     */
    private void chargebacks() {
        long window = FraudMix.CHARGEBACK_MAX.minus(FraudMix.CHARGEBACK_MIN).toSeconds();
        for (Draft d : drafts) {
            if (d.paidAt == null || d.status.equals("CANCELLED") || d.status.equals("RETURNED")) {
                continue;
            }
            boolean charged = d.pattern != null ? random.nextDouble() >= FraudMix.UNLABELLED_SHARE
                    : d.lookAlike == null && random.nextDouble() < FraudMix.FRIENDLY_FRAUD_SHARE;
            if (!charged) {
                continue;
            }
            Instant at = d.paidAt.plus(FraudMix.CHARGEBACK_MIN).plusSeconds((long) (random.nextDouble() * window));
            Instant last = d.deliveredAt != null ? d.deliveredAt : d.shippedAt != null ? d.shippedAt : d.paidAt;
            if (!at.isAfter(last)) {
                at = last.plusSeconds(3600 + random.nextInt(23 * 3600));
            }
            if (at.isAfter(end) || at.isAfter(d.paidAt.plus(FraudMix.CHARGEBACK_MAX))) {
                continue;
            }
            d.chargebackAt = at;
            if (d.pattern == null) {
                d.lookAlike = FraudMix.LookAlike.FRIENDLY_FRAUD;
            }
        }
    }

    /**
     * Each customer registered before its first order: most well before (an exponential gap, possibly before the
     * history), some on the same day, minutes or hours before; one without orders some time in the past. The
     * fraudsters' accounts were registered by their episodes.
     */
    private void registrations() {
        Instant[] first = new Instant[people.size()];
        for (Draft d : drafts) {
            if (first[d.customer] == null || d.placedAt.isBefore(first[d.customer])) {
                first[d.customer] = d.placedAt;
            }
        }
        Instant start = end.minus(HISTORY);
        for (int i = 0; i < people.size(); i++) {
            People c = people.get(i);
            if (c.fraudster) {
                continue;
            }
            if (first[i] == null) {
                c.registeredAt = start.minus(Duration.ofDays(365))
                        .plusSeconds((long) (random.nextDouble() * (HISTORY.toSeconds() + 364 * 86_400L)));
            } else if (c.sameDay || random.nextDouble() < FraudMix.SAME_DAY_REGISTRATION) {
                c.sameDay = true;
                long sinceMidnight = Duration.between(first[i].truncatedTo(ChronoUnit.DAYS), first[i]).toSeconds();
                c.registeredAt = first[i].minusSeconds(Math.max(30,
                        (long) (random.nextDouble() * Math.min(4 * 3600, sinceMidnight))));
            } else {
                double days = 1 + Math.min(1500, -FraudMix.REGISTRATION_GAP_DAYS * Math.log(1 - random.nextDouble()));
                c.registeredAt = first[i].minusSeconds((long) (days * 86_400));
            }
        }
    }

    /**
     * A day (before {@code days}) drawn by trend, yearly and weekly seasonality (rejection sampling), then an hour of
     * that day: at night (0–4 a.m.) with probability {@code night} if {@code fraud}, else by the daily curve.
     */
    private Instant placedAt(long days, boolean fraud, double night) {
        Instant start = end.minus(HISTORY);
        double max = 1.5 * 1.7 * 1.3;
        while (true) {
            long day = random.nextInt((int) days);
            ZonedDateTime date = start.plus(Duration.ofDays(day)).atZone(ZoneOffset.UTC);
            double trend = 1.0 + 0.5 * day / HISTORY.toDays();
            double weight = trend * MONTH[date.getMonthValue() - 1] * WEEKDAY[date.getDayOfWeek().getValue() - 1];
            if (random.nextDouble() * max < weight) {
                int hour = fraud && random.nextDouble() < night ? random.nextInt(5) : sampleHour();
                return date.plusHours(hour).plusMinutes(random.nextInt(60)).plusSeconds(random.nextInt(60))
                        .toInstant();
            }
        }
    }

    /**
     * The product an ordinary customer takes on {@code day} for the pick {@code p} (by popularity): a product whose
     * price varies is kept with probability (price / reference)^elasticity relative to that at its lowest price, one
     * refused is replaced by a pick by popularity among the products whose price never varies (thinning, on a stream
     * of its own). Were the replacement one of the varying products, a best seller's high price would lift the
     * others' demand (a cross-price effect): with the best sellers all varying, a log-log fit of one of them came out
     * 0.4 off its true own-price elasticity.
     */
    private int demanded(int p, int day) {
        PriceSchedule schedule = schedules.get(p);
        if (schedule == null
                || demand.nextDouble() * schedule.peakDemand() < schedule.demandAt(schedule.priceOn(day))) {
            return p;
        }
        return sample(steadyCdf, demand);
    }

    private List<Line> lines(Instant at, int count, IntSupplier product, IntSupplier quantity) {
        return lines(at, count, product, quantity, false);
    }

    /**
     * Lines of an order placed {@code at}, each at the price in force then; {@code elastic}: an ordinary customer's
     * picks, which answer the prices ({@link #demanded}; a pick replaced by a product already in the basket is
     * picked again). The draws of {@link #random} are those the data set always made (one once made the price
     * drift), so the draws after them, and what they decide, stay those of the data sets loaded before.
     */
    private List<Line> lines(Instant at, int count, IntSupplier product, IntSupplier quantity, boolean elastic) {
        List<Line> lines = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        Set<Integer> taken = new HashSet<>();
        int day = day(at);
        for (int l = 0; l < count; l++) {
            int p = product.getAsInt();
            if (!seen.add(p)) {
                continue;
            }
            int q = quantity.getAsInt();
            random.nextDouble();
            int chosen = elastic ? demanded(p, day) : p;
            while (!taken.add(chosen)) {
                chosen = demanded(sample(productCdf, demand), day);
            }
            lines.add(new Line(chosen, q, priceAt(chosen, at)));
        }
        return lines;
    }

    /** One of the customer's three usual addresses (home, mobile, work), fixed by seed and customer. */
    private String homeIp(int customer, int which) {
        long h = (seed * 0x9E3779B97F4A7C15L) ^ (customer * 4L + which);
        h = (h ^ (h >>> 33)) * 0xff51afd7ed558ccdL;
        h = (h ^ (h >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return IpBlocks.address(people.get(customer).country, h ^ (h >>> 33));
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
        return priciestOf(21);
    }

    private int pricey() {
        return priciestOf(5);
    }

    private int priciestOf(int draws) {
        int best = random.nextInt(products.size());
        for (int i = 1; i < draws; i++) {
            int candidate = random.nextInt(products.size());
            if (products.get(candidate).price().compareTo(products.get(best).price()) > 0) {
                best = candidate;
            }
        }
        return best;
    }

    /**
     * A product priced at most {@link #CARD_TEST_PRICE} (at any time of its schedule): what a card tester buys to see
     * whether a card works.
     */
    private int cheap() {
        if (cheapProducts == null) {
            cheapProducts = new ArrayList<>();
            for (int i = 0; i < products.size(); i++) {
                PriceSchedule schedule = schedules.get(i);
                BigDecimal highest = schedule == null ? products.get(i).price() : schedule.highest();
                if (highest.compareTo(CARD_TEST_PRICE) <= 0) {
                    cheapProducts.add(i);
                }
            }
        }
        return cheapProducts.get(random.nextInt(cheapProducts.size()));
    }

    private String otherCountry(String... not) {
        List<String> excluded = Arrays.asList(not);
        String other;
        do {
            other = pick(COUNTRIES);
        } while (excluded.contains(other));
        return other;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** A customer while the synthesis decides it; built into a {@link Customer} at the end. */
    private static final class People {
        final int index;
        final UUID id;
        final String email;
        final String firstName;
        final String lastName;
        final String country;
        final String segment;
        final boolean fraudster;
        final List<Card> cards = new ArrayList<>();
        boolean expat;
        boolean sameDay;
        Instant registeredAt;

        People(int index, UUID id, String email, String firstName, String lastName, String country, String segment,
               boolean fraudster) {
            this.index = index;
            this.id = id;
            this.email = email;
            this.firstName = firstName;
            this.lastName = lastName;
            this.country = country;
            this.segment = segment;
            this.fraudster = fraudster;
        }

        Customer build() {
            return new Customer(id, email, firstName, lastName, country, segment, registeredAt, List.copyOf(cards),
                    fraudster);
        }
    }

    /** An order while the synthesis decides it; built into an {@link Order} at the end. */
    private static final class Draft {
        int customer;
        String status;
        String channel;
        List<Line> lines;
        String shipCountry;
        boolean newAddress;
        String billingCountry;
        int card;
        String clientIp;
        Instant placedAt;
        Instant paidAt;
        Instant shippedAt;
        Instant deliveredAt;
        Instant returnedAt;
        Instant cancelledAt;
        String cancelReason;
        Instant chargebackAt;
        FraudMix.Pattern pattern;
        FraudMix.LookAlike lookAlike;
        int episode = -1;
        int promotion = -1;
        BigDecimal discount;

        BigDecimal subtotal() {
            return lines.stream().map(l -> l.unitPrice().multiply(BigDecimal.valueOf(l.quantity())))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        void cancel(String reason, Instant at) {
            status = "CANCELLED";
            cancelReason = reason;
            cancelledAt = at;
        }

        Order build(UUID id) {
            return new Order(id, customer, status, channel, List.copyOf(lines), shipCountry, newAddress,
                    billingCountry, card, clientIp, placedAt, paidAt, shippedAt, deliveredAt, returnedAt, cancelledAt,
                    cancelReason, chargebackAt, pattern, lookAlike, episode, promotion, discount);
        }
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

    /**
     * The id of the {@code index}th record of a kind: the same for the same seed and scale, different across scales.
     * Customer {@code i} of the seed scale is another person than customer {@code i} of the first start's small set,
     * with another registration time: sharing its id would keep the small set's registration and refuse the seed
     * scale's earlier orders ("placedAt is before the customer registered"). SMALL keeps the derivation it always had,
     * so a platform loaded before is still added to, not doubled.
     */
    UUID uuid(String kind, int index) {
        String scoped = scale == Scale.SMALL ? kind : scale.name() + ":" + kind;
        Random r = new Random(seed * 31 + scoped.hashCode() * 1_000_003L + index);
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
        return sample(cdf, random);
    }

    private static int sample(double[] cdf, Random from) {
        int index = Arrays.binarySearch(cdf, from.nextDouble());
        return Math.min(index >= 0 ? index : -index - 1, cdf.length - 1);
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private String weighted(String[] values, double[] weights) {
        return values[sampleIndex(weights)];
    }

    /** A gift's recipient: a name fixed by the order. */
    static String someoneElse(UUID order) {
        long bits = order.getMostSignificantBits();
        return FIRST[(int) Math.floorMod(bits, (long) FIRST.length)] + " "
                + LAST[(int) Math.floorMod(bits >>> 16, (long) LAST.length)];
    }

    static boolean weekend(Instant instant) {
        DayOfWeek day = instant.atZone(ZoneOffset.UTC).getDayOfWeek();
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
    }
}
