package io.eventcommerce.insights.reorder;

import io.eventcommerce.servicekit.problem.DomainException;
import io.eventcommerce.servicekit.rest.Page;
import io.eventcommerce.servicekit.time.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The stored reorder suggestions, newest first, each with every input it was computed from. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ReorderSuggestions {

    private static final String COLUMNS = """
            id, run_id, forecast_run_id, product_id, warehouse_id, lead_time_days, lead_time_source,
            review_period_days, service_level, warehouse_share, demand_over_lead_time, demand_over_cover,
            sigma_lead_time, safety_stock, reorder_point, on_hand, available, on_order, suggested_quantity,
            suggested_at""";

    private final EntityManager em;

    public ReorderSuggestions(EntityManager em) {
        this.em = em;
    }

    /**
     * @param leadTimeSource  SUPPLIER (the product's latest purchase order) or DEFAULT (configured)
     * @param warehouseShare  the warehouse's fraction of the product's forecast (its share of units on hand)
     * @param demandOverCover demand over lead time plus review period, what the quantity fills up to
     * @param sigmaLeadTime   the forecast's standard deviation over the lead time, for this warehouse
     */
    public record Suggestion(UUID id, UUID runId, UUID forecastRunId, UUID productId, UUID warehouseId,
                             int leadTimeDays, String leadTimeSource, int reviewPeriodDays, BigDecimal serviceLevel,
                             BigDecimal warehouseShare, BigDecimal demandOverLeadTime, BigDecimal demandOverCover,
                             BigDecimal sigmaLeadTime, BigDecimal safetyStock, BigDecimal reorderPoint, int onHand,
                             int available, int onOrder, int suggestedQuantity, Instant suggestedAt) {
    }

    public Suggestion get(UUID id) {
        List<Object[]> rows = rows(em.createNativeQuery("SELECT " + COLUMNS + " FROM reorder_suggestion WHERE id = ?1")
                .setParameter(1, id.toString()));
        return rows.stream().findFirst().map(ReorderSuggestions::suggestion)
                .orElseThrow(() -> DomainException.notFound("Reorder suggestion", id));
    }

    /** Every filter optional. */
    public Page<Suggestion> list(UUID productId, UUID warehouseId, int page, int size) {
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (productId != null) {
            params.add(productId.toString());
            where.add("product_id = ?" + params.size());
        }
        if (warehouseId != null) {
            params.add(warehouseId.toString());
            where.add("warehouse_id = ?" + params.size());
        }
        String filter = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
        long total = ((Number) bind(em.createNativeQuery("SELECT COUNT(*) FROM reorder_suggestion" + filter), params)
                .getSingleResult()).longValue();
        List<Suggestion> items = rows(bind(em.createNativeQuery("SELECT " + COLUMNS + " FROM reorder_suggestion"
                + filter + " ORDER BY suggested_at DESC, id").setFirstResult(page * size).setMaxResults(size),
                params)).stream().map(ReorderSuggestions::suggestion).toList();
        return Page.of(items, page, size, total);
    }

    private static Suggestion suggestion(Object[] r) {
        return new Suggestion(uuid(r[0]), uuid(r[1]), uuid(r[2]), uuid(r[3]), uuid(r[4]), integer(r[5]),
                (String) r[6], integer(r[7]), dec(r[8]), dec(r[9]), dec(r[10]), dec(r[11]), dec(r[12]), dec(r[13]),
                dec(r[14]), integer(r[15]), integer(r[16]), integer(r[17]), integer(r[18]), Timestamps.instant(r[19]));
    }

    private static Query bind(Query query, List<Object> params) {
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        return query;
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(Query query) {
        return query.getResultList();
    }

    private static UUID uuid(Object value) {
        return UUID.fromString(value.toString());
    }

    private static int integer(Object value) {
        return ((Number) value).intValue();
    }

    private static BigDecimal dec(Object value) {
        return value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
    }
}
