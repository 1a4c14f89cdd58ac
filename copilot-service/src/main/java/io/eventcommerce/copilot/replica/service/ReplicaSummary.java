package io.eventcommerce.copilot.replica.service;

import io.eventcommerce.servicekit.time.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The replica's row counts and the newest order placed, read as the service (not as the questions' user). */
@ApplicationScoped
public class ReplicaSummary {

    /** The tables copilot_reader may read (V4__replica_reader.sql): the questions' whole world. */
    public static final List<String> TABLES = List.of("dim_date", "dim_category", "dim_product", "dim_customer",
            "fact_order", "fact_order_line");

    public record Summary(Map<String, Long> rows, Instant latestOrderPlacedAt) {
    }

    private final EntityManager em;

    public ReplicaSummary(EntityManager em) {
        this.em = em;
    }

    public Summary now() {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String table : TABLES) {
            rows.put(table, ((Number) em.createNativeQuery("SELECT COUNT(*) FROM " + table).getSingleResult())
                    .longValue());
        }
        return new Summary(rows, Timestamps.instant(
                em.createNativeQuery("SELECT MAX(placed_at) FROM fact_order").getSingleResult()));
    }
}
