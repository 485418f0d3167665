package io.coditect.keycloak.claims;

import io.coditect.keycloak.license.policy.TierPolicy;
import io.coditect.keycloak.license.tenant.LicenseSummary;
import io.coditect.keycloak.license.tenant.Membership;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The five CODITECT claims of one user, computed from the primary membership and the license
 * summary of that tenant. A license that is not usable (suspended, revoked, expired) or absent
 * gives {@code tier: "NONE"}, no {@code license_key} and only the role's scopes.
 */
public final class TenantClaims {

    public static final String NONE = "NONE";

    private TenantClaims() {
    }

    public static Map<String, Object> of(Optional<Membership> membership, Optional<LicenseSummary> license,
            TierPolicy policy, Instant now) {
        Map<String, Object> claims = new LinkedHashMap<>();
        if (membership.isEmpty()) {
            claims.put("tier", NONE);
            claims.put("scopes", List.of());
            return claims;
        }
        String role = membership.get().role();
        claims.put("tenant_id", membership.get().tenant().getId());
        Optional<LicenseSummary> usable = license.filter(l -> l.usableAt(now));
        if (usable.isPresent()) {
            claims.put("tier", usable.get().tier().name());
            if (usable.get().licenseKey() != null) {
                claims.put("license_key", usable.get().licenseKey());
            }
            claims.put("scopes", policy.scopesFor(usable.get().tier(), role));
        } else {
            claims.put("tier", NONE);
            claims.put("scopes", policy.scopesFor(null, role));
        }
        claims.put("role", role);
        return claims;
    }
}
