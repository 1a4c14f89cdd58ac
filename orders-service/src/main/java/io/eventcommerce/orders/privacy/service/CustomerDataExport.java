package io.eventcommerce.orders.privacy.service;

import io.eventcommerce.servicekit.privacy.ExportRows;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Everything orders-service holds about one customer (GDPR Art. 15), table by table as stored: the customer, the
 * address book, the orders with their lines, payments, refunds, shipments, returns and promotion uses, and the payment
 * methods without their gateway token (a credential of the platform at the gateway, not data about the person).
 */
@ApplicationScoped
public class CustomerDataExport {

    private static final String OWN_ORDERS = "SELECT id FROM customer_order WHERE customer_id = ?1";

    private final ExportRows rows;

    public CustomerDataExport(ExportRows rows) {
        this.rows = rows;
    }

    /** In the caller's transaction. */
    public Map<String, Object> of(UUID customerId) {
        String id = customerId.toString();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("customer", rows.of("SELECT id, email, first_name, last_name, segment, country, created_at,"
                + " updated_at FROM customer WHERE id = ?1", id));
        data.put("addresses", rows.of("SELECT id, label, name, line1, line2, city, region, postal_code, country,"
                + " default_shipping, default_billing, created_at, updated_at FROM customer_address"
                + " WHERE customer_id = ?1 ORDER BY created_at, id", id));
        data.put("paymentMethods", rows.of("SELECT id, brand, last4, exp_month, exp_year, issuer_country, created_at"
                + " FROM payment_method WHERE customer_id = ?1 ORDER BY created_at, id", id));
        data.put("orders", rows.of("SELECT id, status, currency, subtotal, discount, total, promotion_code, channel,"
                + " client_ip, ship_name, ship_line1, ship_line2, ship_city, ship_region, ship_postal_code,"
                + " ship_country, bill_name, bill_line1, bill_line2, bill_city, bill_region, bill_postal_code,"
                + " bill_country, payment_method_id, fraud_decision, cancel_reason, created_at, updated_at"
                + " FROM customer_order WHERE customer_id = ?1 ORDER BY created_at, id", id));
        data.put("orderLines", rows.of("SELECT order_id, line_no, product_id, sku, name, quantity, unit_price,"
                + " line_total FROM order_item WHERE order_id IN (" + OWN_ORDERS + ") ORDER BY order_id, line_no", id));
        data.put("payments", rows.of("SELECT id, order_id, payment_method_id, amount, currency, status,"
                + " decline_code, refunded_amount, created_at, updated_at FROM payment"
                + " WHERE order_id IN (" + OWN_ORDERS + ") ORDER BY created_at, id", id));
        data.put("refunds", rows.of("SELECT id, order_id, payment_id, amount, currency, reason, status, created_at,"
                + " updated_at FROM payment_refund WHERE order_id IN (" + OWN_ORDERS + ") ORDER BY created_at, id",
                id));
        data.put("shipments", rows.of("SELECT id, order_id, carrier, tracking_number, status, shipped_at,"
                + " delivered_at FROM shipment WHERE order_id IN (" + OWN_ORDERS + ") ORDER BY shipped_at, id", id));
        data.put("returns", rows.of("SELECT order_id, reason, restock, refunded_amount, returned_at FROM order_return"
                + " WHERE order_id IN (" + OWN_ORDERS + ") ORDER BY returned_at, order_id", id));
        data.put("promotionUses", rows.of("SELECT order_id, promotion_id, discount, used_at, released_at"
                + " FROM promotion_usage WHERE customer_id = ?1 ORDER BY used_at, order_id", id));
        data.put("consents", rows.of("SELECT purpose, granted, source, changed_at FROM customer_consent"
                + " WHERE customer_id = ?1 ORDER BY purpose", id));
        data.put("consentHistory", rows.of("SELECT purpose, granted, source, changed_by, changed_at"
                + " FROM customer_consent_history WHERE customer_id = ?1 ORDER BY changed_at, id", id));
        return data;
    }
}
