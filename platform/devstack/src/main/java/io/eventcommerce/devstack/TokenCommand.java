package io.eventcommerce.devstack;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code token --role R}: a JWT signed with the development key, which only a local run or a test accepts. */
@Command(name = "token", description = "Prints a development JWT for a role.")
final class TokenCommand extends PlatformCommand {

    @Option(names = "--role", required = true, split = ",",
            description = "Role(s): admin, catalog-manager, vendor, customer, analyst, compliance-officer, support.")
    List<String> roles;

    @Option(names = "--subject", description = "User name (default: dev-<role>).")
    String subject;

    @Option(names = "--customer-id", description = "customer_id claim (for the customer role).")
    String customerId;

    @Option(names = "--vendor-id", description = "vendor_id claim (for the vendor role).")
    String vendorId;

    @Option(names = "--ttl", defaultValue = "PT8H", description = "Lifetime, ISO-8601 (default PT8H).")
    Duration ttl;

    @Override
    public Integer call() {
        Map<String, Object> claims = new LinkedHashMap<>();
        if (customerId != null) {
            claims.put("customer_id", customerId);
        }
        if (vendorId != null) {
            claims.put("vendor_id", vendorId);
        }
        String user = subject != null ? subject : "dev-" + roles.get(0);
        out().println(DevTokens.issue(user, Set.copyOf(roles), claims, ttl));
        return 0;
    }
}
