package io.coditect.keycloak.license.policy;

import io.coditect.keycloak.license.model.Tier;
import java.time.ZoneId;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The per-realm tier policy of DESIGN §3: quota, heartbeat, grace, MFA and scopes per tier,
 * the extra scopes of tenant roles, and the zone whose calendar day the quota counts.
 */
public record TierPolicy(Map<Tier, TierRules> tiers, Map<String, List<String>> roleScopes, ZoneId quotaZone) {

    public TierPolicy {
        EnumMap<Tier, TierRules> copy = new EnumMap<>(Tier.class);
        copy.putAll(tiers);
        tiers = Map.copyOf(copy);
        roleScopes = Map.copyOf(roleScopes);
    }

    public static TierPolicy defaults() {
        List<String> free = List.of("commands:execute", "sync:read");
        List<String> paid = List.of("commands:execute", "sync:read", "sync:write");
        return new TierPolicy(Map.of(
                Tier.FREE, new TierRules(10L, 300, 0, false, free),
                Tier.PRO, new TierRules(null, 300, 7, false, paid),
                Tier.ENTERPRISE, new TierRules(null, 300, 7, true, paid)),
                Map.of("owner", List.of("licenses:manage"), "admin", List.of("licenses:manage")),
                ZoneId.of("UTC"));
    }

    public TierRules rules(Tier tier) {
        return tiers.get(tier);
    }

    public List<String> scopesFor(Tier tier, String role) {
        List<String> base = tier == null ? List.of() : rules(tier).scopes();
        List<String> extra = role == null ? List.of() : roleScopes.getOrDefault(role, List.of());
        if (extra.isEmpty()) {
            return base;
        }
        return java.util.stream.Stream.concat(base.stream(), extra.stream()).distinct().toList();
    }
}
