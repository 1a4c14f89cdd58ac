package io.eventcommerce.testkit;

import io.eventcommerce.devstack.DevTokens;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Bearer tokens signed with the development key, for any role. */
public final class TestTokens {

    private TestTokens() {
    }

    /** A token with these roles (the {@code groups} claim). */
    public static String forRoles(String... roles) {
        return DevTokens.issue("test-" + String.join("-", roles), Set.of(roles), Map.of(), Duration.ofHours(1));
    }

    /** A token for the user {@code subject} ({@code sub}) with these roles: to find the user's changes by name. */
    public static String as(String subject, String... roles) {
        return DevTokens.issue(subject, Set.of(roles), Map.of(), Duration.ofHours(1));
    }

    /** A customer's token, scoped to its own data by the {@code customer_id} claim. */
    public static String customer(UUID customerId) {
        return DevTokens.issue("customer-" + customerId, Set.of("customer"),
                Map.of("customer_id", customerId.toString()), Duration.ofHours(1));
    }

    /** A vendor's token, scoped to its products by the {@code vendor_id} claim. */
    public static String vendor(UUID vendorId) {
        return DevTokens.issue("vendor-" + vendorId, Set.of("vendor"), Map.of("vendor_id", vendorId.toString()),
                Duration.ofHours(1));
    }

    /** A token for {@code role} from {@code issuer} for {@code audience} (null: no audience claim). */
    public static String from(String issuer, String audience, String role) {
        return DevTokens.issue(issuer, audience, "test-" + role, Set.of(role), Map.of(), Duration.ofHours(1));
    }

    /** A token that expired an hour ago. */
    public static String expired(String role) {
        return DevTokens.issue("test-expired", Set.of(role), Map.of(), Duration.ofHours(-1));
    }
}
