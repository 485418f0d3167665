package io.coditect.keycloak.license.policy;

import java.util.List;

/**
 * What one tier gets. {@code dailyCommandQuota} null means unlimited (no counter is kept).
 * {@code heartbeatInterval} is in seconds.
 */
public record TierRules(Long dailyCommandQuota, int heartbeatInterval, int gracePeriodDays, boolean mfaRequired,
        List<String> scopes) {

    public TierRules {
        scopes = List.copyOf(scopes);
    }

    public boolean unlimited() {
        return dailyCommandQuota == null;
    }
}
