package io.eventcommerce.servicekit.security;

/**
 * The platform's roles, carried in the JWT {@code groups} claim, and the claims that scope a caller to its own
 * data. See docs/security.md.
 */
public final class Roles {

    public static final String ADMIN = "admin";
    public static final String CATALOG_MANAGER = "catalog-manager";
    /** Scoped to its vendor by {@link #VENDOR_ID_CLAIM}. */
    public static final String VENDOR = "vendor";
    /** Scoped to its own data by {@link #CUSTOMER_ID_CLAIM}. */
    public static final String CUSTOMER = "customer";
    public static final String ANALYST = "analyst";
    public static final String COMPLIANCE_OFFICER = "compliance-officer";
    public static final String SUPPORT = "support";

    public static final String CUSTOMER_ID_CLAIM = "customer_id";
    public static final String VENDOR_ID_CLAIM = "vendor_id";

    private Roles() {
    }
}
