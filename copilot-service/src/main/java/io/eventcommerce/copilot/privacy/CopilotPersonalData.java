package io.eventcommerce.copilot.privacy;

import io.eventcommerce.events.privacy.PersonalDataErased;
import io.eventcommerce.events.privacy.PersonalDataErased.Erasure;
import io.eventcommerce.servicekit.privacy.ExportRows;
import io.eventcommerce.servicekit.privacy.PersonalData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What copilot-service holds about a customer: no name, e-mail or address (none travels on the topics it reads), but
 * the customer's id on their dimension row and on their orders' and lines' facts, which orders-service can tie back
 * to the person. service-kit's {@code DataSubjectRequests} answers compliance-service's requests with it.
 *
 * <p>An erasure pseudonymises: the customer's rows get one new random id, linked to nothing, the same in every table,
 * so every figure a question can ask for (revenue, customers, new customers) stays while no row can be tied to the
 * person any more. Nothing is plaintext, so the self-check has nothing to search for.
 */
@ApplicationScoped
public class CopilotPersonalData implements PersonalData {

    static final List<String> TABLES = List.of("dim_customer", "fact_order", "fact_order_line");

    private final EntityManager em;
    private final ExportRows rows;

    public CopilotPersonalData(EntityManager em, ExportRows rows) {
        this.em = em;
        this.rows = rows;
    }

    @Override
    public Map<String, Object> export(UUID customerId) {
        String customer = customerId.toString();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("customer", rows.of("SELECT customer_id, country, region, segment, registered_at, first_order_day"
                + " FROM dim_customer WHERE customer_id = ?1", customer));
        data.put("orders", rows.of("SELECT order_id, placed_at, status, channel, currency, country, segment,"
                + " promotion_code, subtotal, discount, total, paid_at, undone_at, refunded, new_customer"
                + " FROM fact_order WHERE customer_id = ?1 ORDER BY placed_at, order_id", customer));
        data.put("orderLines", rows.of("SELECT order_id, line_no, product_id, quantity, unit_price, gross, discount,"
                + " net, returned_quantity, refunded FROM fact_order_line WHERE customer_id = ?1"
                + " ORDER BY order_id, line_no", customer));
        return data;
    }

    /** Ids only: nothing here is a name, an address or text the customer wrote. */
    @Override
    public Collection<String> plaintext(UUID customerId) {
        return List.of();
    }

    @Override
    public List<Erasure> erase(UUID customerId) {
        String customer = customerId.toString();
        String pseudonym = UUID.randomUUID().toString();
        return TABLES.stream().map(table -> new Erasure(table, PersonalDataErased.PSEUDONYMISED,
                em.createNativeQuery("UPDATE " + table + " SET customer_id = ?2 WHERE customer_id = ?1")
                        .setParameter(1, customer).setParameter(2, pseudonym).executeUpdate())).toList();
    }
}
