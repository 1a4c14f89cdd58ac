package io.eventcommerce.compliance.audit.model;

import java.util.Map;
import java.util.Set;

/**
 * Which columns of the audited tables hold personal data, and whose. The audit connector hashes the same columns
 * (column.mask.hash.v2 in deploy/debezium/connectors/audit.json; PersonalDataTest keeps the two lists equal); the
 * trail encrypts those hash tokens once more with the subject's own key, so erasing the subject (destroying the key)
 * leaves no linkable token behind.
 */
public final class PersonalData {

    /** schema.table → its personal-data columns. */
    public static final Map<String, Set<String>> COLUMNS = Map.of(
            "orders.customer", Set.of("email", "first_name", "last_name"),
            "orders.customer_address", Set.of("name", "line1", "line2", "postal_code"),
            "orders.customer_order", Set.of("client_ip", "ship_name", "ship_line1", "ship_line2", "ship_postal_code",
                    "bill_name", "bill_line1", "bill_line2", "bill_postal_code"),
            "catalog.vendor", Set.of("name", "email", "phone", "tax_id", "address_line1", "address_line2",
                    "postal_code"));

    /** schema.table → the column naming the row's data subject, and the subject's kind. */
    private static final Map<String, String[]> SUBJECT = Map.of(
            "orders.customer", new String[] {"id", "customer"},
            "orders.customer_address", new String[] {"customer_id", "customer"},
            "orders.customer_consent", new String[] {"customer_id", "customer"},
            "orders.customer_order", new String[] {"customer_id", "customer"},
            "orders.payment_method", new String[] {"customer_id", "customer"},
            "catalog.vendor", new String[] {"id", "vendor"});

    private PersonalData() {
    }

    public static Set<String> columns(String schema, String table) {
        return COLUMNS.getOrDefault(schema + "." + table, Set.of());
    }

    /**
     * The staff-read log of every service (servicekit PersonalDataReads): its rows name their subject themselves,
     * {@code subject_type} ('customer', 'vendor') and {@code subject_id}.
     */
    public static final String READS_TABLE = "personal_data_read";

    /** The column that names the subject of a row of this table, or null. */
    public static String subjectColumn(String schema, String table) {
        String[] subject = SUBJECT.get(schema + "." + table);
        return subject == null ? null : subject[0];
    }

    /** "customer:&lt;id&gt;" / "vendor:&lt;id&gt;" for a subject id of this table. */
    public static String subject(String schema, String table, String id) {
        String[] subject = SUBJECT.get(schema + "." + table);
        return subject == null || id == null ? null : subject[1] + ":" + id;
    }

    public static String customer(String customerId) {
        return "customer:" + customerId;
    }
}
