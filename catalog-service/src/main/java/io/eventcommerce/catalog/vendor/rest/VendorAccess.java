package io.eventcommerce.catalog.vendor.rest;

import io.eventcommerce.servicekit.problem.ApiException;
import io.eventcommerce.servicekit.problem.ProblemType;
import io.eventcommerce.servicekit.security.Caller;
import io.eventcommerce.servicekit.security.Roles;
import jakarta.enterprise.context.RequestScoped;

import java.util.Optional;
import java.util.UUID;

/**
 * The object-level rule for vendors, in one place: a caller acting as a vendor (role {@code vendor} and none of
 * the staff roles) sees and changes only what belongs to the vendor named by its token's {@code vendor_id} claim.
 * Anything of another vendor answers 404, exactly as if it did not exist, so a vendor cannot probe for others' ids.
 */
@RequestScoped
public class VendorAccess {

    /** Roles that see every vendor's data (each endpoint still decides which of them it admits). */
    private static final String[] STAFF = {Roles.ADMIN, Roles.CATALOG_MANAGER, Roles.SUPPORT, Roles.ANALYST,
            Roles.COMPLIANCE_OFFICER};

    private final Caller caller;

    public VendorAccess(Caller caller) {
        this.caller = caller;
    }

    /**
     * The vendor the caller is confined to, or empty for staff and for callers that are not vendors.
     *
     * @throws ApiException 403 for a vendor token without a (valid) {@code vendor_id} claim
     */
    public Optional<UUID> scope() {
        if (!caller.hasRole(Roles.VENDOR) || caller.hasAnyRole(STAFF)) {
            return Optional.empty();
        }
        return Optional.of(caller.vendorId().orElseThrow(() -> new ApiException(ProblemType.FORBIDDEN,
                "The token names no vendor")));
    }

    /** Whether the caller may see data of {@code vendorId} (null: the platform's own). */
    public boolean maySee(UUID vendorId) {
        return scope().map(own -> own.equals(vendorId)).orElse(true);
    }

    /** 404 ("Vendor ... does not exist") unless the caller may act for {@code vendorId}. */
    public void require(UUID vendorId) {
        if (!maySee(vendorId)) {
            throw ApiException.notFound("Vendor", vendorId);
        }
    }
}
