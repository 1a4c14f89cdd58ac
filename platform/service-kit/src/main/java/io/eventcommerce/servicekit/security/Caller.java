package io.eventcommerce.servicekit.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;
import java.util.UUID;

/** Who is calling: roles from the token's {@code groups}, and the ids that scope a customer or a vendor. */
@RequestScoped
public class Caller {

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    public Caller(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    public String name() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public boolean hasAnyRole(String... roles) {
        for (String role : roles) {
            if (identity.hasRole(role)) {
                return true;
            }
        }
        return false;
    }

    /** The customer a {@code customer} token belongs to. */
    public Optional<UUID> customerId() {
        return uuidClaim(Roles.CUSTOMER_ID_CLAIM);
    }

    /** The vendor a {@code vendor} token belongs to. */
    public Optional<UUID> vendorId() {
        return uuidClaim(Roles.VENDOR_ID_CLAIM);
    }

    private Optional<UUID> uuidClaim(String claim) {
        Object value = token.getClaim(claim);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(value.toString().replace("\"", "")));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
