package io.eventcommerce.copilot.replica.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * Fills in what a late arrival left open when the two events met in flight: a product snapshot and an order of it
 * applied at the same moment by two consumers (catalog.product and orders.order are different topics) each commit
 * without seeing the other's row, so the order's lines keep {@code product_filled = FALSE}; likewise an order and its
 * customer (segment, first order day). Each consumer fills what it finds when it commits; this sweep catches the
 * pairs that crossed. It reads the open rows without locks and updates them by key, a few hundred at a time, so it
 * never holds the consumers' rows for a scan.
 */
@ApplicationScoped
public class ReplicaRepair {

    private static final Logger LOG = Logger.getLogger(ReplicaRepair.class);
    private static final int BATCH = 500;

    private final EntityManager em;
    private final ProductDimension products;
    private final CustomerDimension customers;

    public ReplicaRepair(EntityManager em, ProductDimension products, CustomerDimension customers) {
        this.em = em;
        this.products = products;
        this.customers = customers;
    }

    @Scheduled(every = "${copilot.replica.repair.every:30s}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        int[] repaired = QuarkusTransaction.requiringNew().call(this::repair);
        if (repaired[0] + repaired[1] + repaired[2] > 0) {
            LOG.infof("Replica repair: %d products' lines, %d customers' segments, %d first order days filled",
                    repaired[0], repaired[1], repaired[2]);
        }
    }

    /** One pass: products' lines, customers' segments, first order days; how many of each were filled. */
    public int[] repair() {
        @SuppressWarnings("unchecked")
        List<String> pending = em.createNativeQuery("""
                SELECT DISTINCT l.product_id FROM fact_order_line l JOIN dim_product p ON p.product_id = l.product_id
                WHERE l.product_filled = FALSE LIMIT""" + " " + BATCH).getResultList();
        pending.forEach(products::fillLines);
        @SuppressWarnings("unchecked")
        List<String> segments = em.createNativeQuery("""
                SELECT DISTINCT o.customer_id FROM fact_order o JOIN dim_customer c ON c.customer_id = o.customer_id
                WHERE o.segment IS NULL AND c.segment IS NOT NULL LIMIT""" + " " + BATCH).getResultList();
        segments.forEach(customers::fillSegments);
        @SuppressWarnings("unchecked")
        List<String> firstDays = em.createNativeQuery("""
                SELECT c.customer_id FROM dim_customer c
                WHERE c.first_order_day IS NULL
                    AND EXISTS (SELECT 1 FROM fact_order o WHERE o.customer_id = c.customer_id)
                LIMIT""" + " " + BATCH).getResultList();
        firstDays.forEach(customers::fillFirstOrderDay);
        return new int[] {pending.size(), segments.size(), firstDays.size()};
    }
}
