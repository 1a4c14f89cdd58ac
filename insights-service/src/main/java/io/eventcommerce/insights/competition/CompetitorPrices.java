package io.eventcommerce.insights.competition;

import io.eventcommerce.events.insights.CompetitorUndercut;
import io.eventcommerce.servicekit.audit.ChangeActors;
import io.eventcommerce.servicekit.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Stores competitor price observations and raises the undercut alerts, in the caller's transaction: the rows, the
 * undercut state and the {@code CompetitorUndercut} outbox rows commit together or not at all. A duplicate (same
 * competitor, country, sku and time as a stored one) is skipped by the unique key and counted; only observations
 * actually stored can change the undercut state, so a re-sent one never raises an alert twice. Observations are
 * compared with our price only in {@code insights.competition.currency}: the product replica has no currency, and
 * the catalog prices (and the generated feed) are in that one.
 */
@ApplicationScoped
public class CompetitorPrices {

    /** Rows per batched statement. */
    static final int CHUNK = 1000;
    private static final Timestamp NEVER = Timestamp.from(Instant.parse("1970-01-01T00:00:01Z"));

    /** A product of the replica, as an observation's sku resolves to it. */
    public record ProductRef(UUID productId, String sku, BigDecimal price, UUID categoryId) {
    }

    /** An observation with its product and the id its row gets. */
    record Resolved(UUID id, Observation observation, ProductRef product) {
    }

    /** What a store did: rows new, rows already there (or twice in the batch), alerts raised. */
    public record Stored(int stored, int duplicates, int alerts) {
        Stored plus(Stored other) {
            return new Stored(stored + other.stored, duplicates + other.duplicates, alerts + other.alerts);
        }
    }

    private record Pair(UUID productId, String competitor, String country) {
    }

    private static final class State {
        boolean undercut;
        Instant observedAt;
        BigDecimal price;
        boolean changed;
    }

    private final EntityManager em;
    private final Outbox outbox;
    private final ChangeActors actors;
    private final BigDecimal threshold;
    private final String currency;

    public CompetitorPrices(EntityManager em, Outbox outbox, ChangeActors actors,
                            @ConfigProperty(name = "insights.competition.undercut-threshold", defaultValue = "0.05")
                            BigDecimal threshold,
                            @ConfigProperty(name = "insights.competition.currency", defaultValue = "USD")
                            String currency) {
        this.em = em;
        this.outbox = outbox;
        this.actors = actors;
        this.threshold = threshold;
        this.currency = currency.toUpperCase(Locale.ROOT);
    }

    /** The currency observations are compared in. */
    public String currency() {
        return currency;
    }

    /** The products of the replica with these skus, by upper-case sku. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, ProductRef> products(Collection<String> skus) {
        Map<String, ProductRef> found = new HashMap<>();
        List<String> distinct = skus.stream().map(s -> s.toUpperCase(Locale.ROOT)).distinct().toList();
        for (int from = 0; from < distinct.size(); from += CHUNK) {
            List<String> chunk = distinct.subList(from, Math.min(distinct.size(), from + CHUNK));
            work(c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT product_id, sku, price, category_id FROM "
                        + "product WHERE UPPER(sku) IN (" + marks(chunk.size()) + ")")) {
                    for (int i = 0; i < chunk.size(); i++) {
                        ps.setString(i + 1, chunk.get(i));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            String category = rs.getString(4);
                            found.putIfAbsent(rs.getString(2).toUpperCase(Locale.ROOT), new ProductRef(
                                    UUID.fromString(rs.getString(1)), rs.getString(2), rs.getBigDecimal(3),
                                    category == null ? null : UUID.fromString(category)));
                        }
                    }
                }
            });
        }
        return found;
    }

    /** Stores observations whose skus resolved ({@code products} by upper-case sku), in chunks. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Stored store(List<Observation> observations, Map<String, ProductRef> products, String source,
                        UUID batchId, Instant now) {
        Stored total = new Stored(0, 0, 0);
        for (int from = 0; from < observations.size(); from += CHUNK) {
            List<Resolved> chunk = new ArrayList<>();
            for (Observation o : observations.subList(from, Math.min(observations.size(), from + CHUNK))) {
                chunk.add(new Resolved(UUID.randomUUID(), o, products.get(o.sku().toUpperCase(Locale.ROOT))));
            }
            total = total.plus(storeChunk(chunk, source, batchId, now));
        }
        return total;
    }

    private Stored storeChunk(List<Resolved> chunk, String source, UUID batchId, Instant now) {
        Set<String> inserted = new HashSet<>();
        work(c -> {
            try (PreparedStatement insert = c.prepareStatement(actors.annotate("""
                    INSERT IGNORE INTO competitive_pricing (id, competitor, country, region, sku, product_id, price,
                        currency, observed_at, source, batch_id, received_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"""))) {
                for (Resolved r : chunk) {
                    Observation o = r.observation();
                    insert.setString(1, r.id().toString());
                    insert.setString(2, o.competitor());
                    insert.setString(3, o.country());
                    insert.setString(4, o.region());
                    insert.setString(5, r.product().sku());
                    insert.setString(6, r.product().productId().toString());
                    insert.setBigDecimal(7, o.price());
                    insert.setString(8, o.currency());
                    insert.setTimestamp(9, Timestamp.from(o.observedAt()));
                    insert.setString(10, source);
                    insert.setString(11, batchId.toString());
                    insert.setTimestamp(12, Timestamp.from(now));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            // Which rows are new: the batch's update counts are not reliable once the driver rewrites the batch.
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id FROM competitive_pricing WHERE id IN (" + marks(chunk.size()) + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 1, chunk.get(i).id().toString());
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        inserted.add(rs.getString(1));
                    }
                }
            }
        });
        List<Resolved> fresh = chunk.stream().filter(r -> inserted.contains(r.id().toString())).toList();
        int alerts = alerts(fresh, now);
        return new Stored(fresh.size(), chunk.size() - fresh.size(), alerts);
    }

    /** Applies the new observations to the undercut state of their pairs; publishes the changes into undercut. */
    private int alerts(List<Resolved> fresh, Instant now) {
        List<Resolved> compared = fresh.stream()
                .filter(r -> currency.equals(r.observation().currency()))
                .sorted(Comparator.comparing(r -> r.observation().observedAt()))
                .toList();
        if (compared.isEmpty()) {
            return 0;
        }
        Map<Pair, State> states = lockStates(compared.stream().map(CompetitorPrices::pair).distinct().toList(), now);
        List<CompetitorUndercut> events = new ArrayList<>();
        for (Resolved r : compared) {
            Observation o = r.observation();
            State state = states.get(pair(r));
            if (!o.observedAt().isAfter(state.observedAt)) {
                continue; // an older observation arriving late is history, not the current state
            }
            BigDecimal ours = r.product().price();
            boolean undercut = PriceIndex.undercuts(o.price(), ours, threshold);
            if (undercut && !state.undercut) {
                events.add(new CompetitorUndercut(r.id(), r.product().productId(), r.product().sku(),
                        o.competitor(), o.country(), o.region(), o.price(), ours, o.currency(),
                        PriceIndex.undercutBy(o.price(), ours), threshold, o.observedAt()));
            }
            state.undercut = undercut;
            state.observedAt = o.observedAt();
            state.price = o.price();
            state.changed = true;
        }
        work(c -> {
            try (PreparedStatement update = c.prepareStatement(actors.annotate("""
                    UPDATE competitor_undercut_state SET undercut = ?, observed_at = ?, price = ?, changed_at = ?
                    WHERE product_id = ? AND competitor = ? AND country = ?"""))) {
                for (Map.Entry<Pair, State> e : states.entrySet()) {
                    if (!e.getValue().changed) {
                        continue;
                    }
                    update.setBoolean(1, e.getValue().undercut);
                    update.setTimestamp(2, Timestamp.from(e.getValue().observedAt));
                    update.setBigDecimal(3, e.getValue().price);
                    update.setTimestamp(4, Timestamp.from(now));
                    update.setString(5, e.getKey().productId().toString());
                    update.setString(6, e.getKey().competitor());
                    update.setString(7, e.getKey().country());
                    update.addBatch();
                }
                update.executeBatch();
            }
        });
        outbox.publishAll(events);
        return events.size();
    }

    private static Pair pair(Resolved r) {
        return new Pair(r.product().productId(), r.observation().competitor(), r.observation().country());
    }

    /**
     * The pairs' states, locked for the rest of the transaction: a missing one is inserted first (as never
     * undercut), so the lock always has a row to take and two writers of a new pair wait for each other.
     */
    private Map<Pair, State> lockStates(List<Pair> pairs, Instant now) {
        Map<Pair, State> states = new LinkedHashMap<>();
        work(c -> {
            try (PreparedStatement insert = c.prepareStatement(actors.annotate("""
                    INSERT IGNORE INTO competitor_undercut_state (product_id, competitor, country, undercut,
                        observed_at, price, changed_at) VALUES (?, ?, ?, FALSE, ?, NULL, ?)"""))) {
                for (Pair p : pairs) {
                    insert.setString(1, p.productId().toString());
                    insert.setString(2, p.competitor());
                    insert.setString(3, p.country());
                    insert.setTimestamp(4, NEVER);
                    insert.setTimestamp(5, Timestamp.from(now));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            // Row-value IN lists: MySQL 8.4 and MariaDB 11.4 both take (a, b, c) IN ((?, ?, ?), ...).
            String tuples = String.join(",", Collections.nCopies(pairs.size(), "(?, ?, ?)"));
            try (PreparedStatement ps = c.prepareStatement("SELECT product_id, competitor, country, undercut, "
                    + "observed_at, price FROM competitor_undercut_state WHERE (product_id, competitor, country) IN ("
                    + tuples + ") FOR UPDATE")) {
                int i = 1;
                for (Pair p : pairs) {
                    ps.setString(i++, p.productId().toString());
                    ps.setString(i++, p.competitor());
                    ps.setString(i++, p.country());
                }
                try (ResultSet rs = ps.executeQuery()) {
                    Map<String, State> byKey = new HashMap<>();
                    while (rs.next()) {
                        State s = new State();
                        s.undercut = rs.getBoolean(4);
                        s.observedAt = rs.getTimestamp(5).toInstant();
                        s.price = rs.getBigDecimal(6);
                        byKey.put(key(rs.getString(1), rs.getString(2), rs.getString(3)), s);
                    }
                    for (Pair p : pairs) {
                        State s = byKey.get(key(p.productId().toString(), p.competitor(), p.country()));
                        if (s == null) {
                            throw new IllegalStateException("undercut state of " + p + " missing after insert");
                        }
                        states.put(p, s);
                    }
                }
            }
        });
        return states;
    }

    /** Competitor names compare case-insensitively in the schema's collation, so the key does too. */
    private static String key(String productId, String competitor, String country) {
        return productId + "|" + competitor.toUpperCase(Locale.ROOT) + "|" + country.toUpperCase(Locale.ROOT);
    }

    private interface Work {
        void execute(Connection connection) throws SQLException;
    }

    private void work(Work work) {
        em.unwrap(Session.class).doWork(work::execute);
    }

    static String marks(int n) {
        return String.join(",", Collections.nCopies(n, "?"));
    }
}
