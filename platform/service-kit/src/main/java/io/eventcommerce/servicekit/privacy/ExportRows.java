package io.eventcommerce.servicekit.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.persistence.TupleElement;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows of a service's own tables as JSON-ready maps (column label → value) for a data-subject access export: the
 * person gets the data as it is stored, column by column, without a record type per table to keep in step with the
 * schema. Times become ISO-8601 UTC, amounts decimal strings (as on the wire), other values as the driver gives them.
 */
@ApplicationScoped
public class ExportRows {

    private final EntityManager em;

    public ExportRows(EntityManager em) {
        this.em = em;
    }

    /** Runs {@code sql} with positional parameters {@code ?1, ?2, ...}; in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Map<String, Object>> of(String sql, Object... parameters) {
        var query = em.createNativeQuery(sql, Tuple.class);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        @SuppressWarnings("unchecked")
        List<Tuple> tuples = query.getResultList();
        return tuples.stream().map(ExportRows::map).toList();
    }

    private static Map<String, Object> map(Tuple tuple) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (TupleElement<?> element : tuple.getElements()) {
            row.put(element.getAlias(), value(tuple.get(element)));
        }
        return row;
    }

    private static Object value(Object value) {
        if (value instanceof Timestamp t) {
            return t.toInstant().toString();
        }
        if (value instanceof LocalDateTime t) {
            // DATETIME columns hold UTC (quarkus.hibernate-orm.jdbc.timezone=UTC in every service).
            return t.toInstant(ZoneOffset.UTC).toString();
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof java.time.Instant || value instanceof java.time.OffsetDateTime) {
            return value.toString();
        }
        return value;
    }
}
