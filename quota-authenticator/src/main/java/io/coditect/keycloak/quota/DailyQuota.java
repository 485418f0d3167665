package io.coditect.keycloak.quota;

import io.coditect.keycloak.license.policy.TierPolicy;
import io.coditect.keycloak.license.policy.TierRules;
import io.coditect.keycloak.license.model.Tier;
import io.coditect.store.QuotaCounter;
import java.time.Clock;
import java.time.Instant;

/**
 * The daily command quota of the tier policy, counted in a {@link QuotaCounter}: one unit per
 * consume, the user's day in the policy's zone, nothing counted for unlimited tiers.
 */
public final class DailyQuota {

    private final QuotaCounter counter;
    private final Clock clock;

    public DailyQuota(QuotaCounter counter, Clock clock) {
        this.counter = counter;
        this.clock = clock;
    }

    public QuotaDecision consume(String realmId, String userId, Tier tier, TierPolicy policy) {
        Instant now = clock.instant();
        QuotaWindow window = QuotaWindow.containing(now, policy.quotaZone());
        TierRules rules = policy.rules(tier);
        if (rules.unlimited()) {
            return QuotaDecision.unlimited(window, now);
        }
        QuotaCounter.QuotaResult result = counter.consume(window.key(realmId, userId), rules.dailyCommandQuota(),
                window.end());
        return QuotaDecision.counted(result.allowed(), rules.dailyCommandQuota(), result.used(), window, now);
    }

    public QuotaDecision peek(String realmId, String userId, Tier tier, TierPolicy policy) {
        Instant now = clock.instant();
        QuotaWindow window = QuotaWindow.containing(now, policy.quotaZone());
        TierRules rules = policy.rules(tier);
        if (rules.unlimited()) {
            return QuotaDecision.unlimited(window, now);
        }
        long used = counter.used(window.key(realmId, userId));
        return QuotaDecision.counted(used < rules.dailyCommandQuota(), rules.dailyCommandQuota(), used, window, now);
    }
}
