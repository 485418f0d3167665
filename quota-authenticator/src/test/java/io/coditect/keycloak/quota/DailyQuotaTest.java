package io.coditect.keycloak.quota;

import static org.assertj.core.api.Assertions.assertThat;

import io.coditect.keycloak.license.model.Tier;
import io.coditect.keycloak.license.policy.TierPolicy;
import io.coditect.keycloak.license.policy.TierPolicyJson;
import io.coditect.store.InMemoryQuotaCounter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class DailyQuotaTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-03T22:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private final DailyQuota quota = new DailyQuota(new InMemoryQuotaCounter(clock), clock);
    private final TierPolicy policy = TierPolicy.defaults();

    @Test
    void freeUserGetsTenCommandsCountingDownThenIsRefused() {
        for (int i = 1; i <= 10; i++) {
            QuotaDecision d = quota.consume("realm", "user", Tier.FREE, policy);
            assertThat(d.allowed()).isTrue();
            assertThat(d.remaining()).isEqualTo(10 - i);
            assertThat(d.rateLimit()).isEqualTo("\"daily\";r=" + (10 - i) + ";t=7200");
        }
        QuotaDecision refused = quota.consume("realm", "user", Tier.FREE, policy);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.remaining()).isZero();
        assertThat(refused.secondsToReset()).isEqualTo(7200);
        assertThat(refused.rateLimitPolicy()).isEqualTo("\"daily\";q=10;w=86400");
        assertThat(quota.peek("realm", "user", Tier.FREE, policy).used()).as("refusals are not counted").isEqualTo(10);
    }

    @Test
    void theCountRestartsAtMidnightOfTheConfiguredZone() {
        TierPolicy tokyo = TierPolicyJson.parse("{\"quota_zone\":\"Asia/Tokyo\"}");
        now.set(Instant.parse("2026-12-03T14:59:00Z")); // 23:59 in Tokyo
        for (int i = 0; i < 10; i++) {
            quota.consume("realm", "user", Tier.FREE, tokyo);
        }
        assertThat(quota.consume("realm", "user", Tier.FREE, tokyo).allowed()).isFalse();
        now.set(Instant.parse("2026-12-03T15:00:00Z")); // midnight in Tokyo
        QuotaDecision next = quota.consume("realm", "user", Tier.FREE, tokyo);
        assertThat(next.allowed()).isTrue();
        assertThat(next.remaining()).isEqualTo(9);
    }

    @Test
    void paidTiersAreUnlimitedAndNotCounted() {
        InMemoryQuotaCounter counter = new InMemoryQuotaCounter(clock);
        DailyQuota q = new DailyQuota(counter, clock);
        for (int i = 0; i < 100; i++) {
            QuotaDecision d = q.consume("realm", "pro", Tier.PRO, policy);
            assertThat(d.allowed()).isTrue();
            assertThat(d.limit()).isNull();
        }
        QuotaWindow window = QuotaWindow.containing(now.get(), policy.quotaZone());
        assertThat(counter.used(window.key("realm", "pro"))).isZero();
    }

    @Test
    void usersAndRealmsCountApart() {
        for (int i = 0; i < 10; i++) {
            quota.consume("realm", "a", Tier.FREE, policy);
        }
        assertThat(quota.consume("realm", "b", Tier.FREE, policy).allowed()).isTrue();
        assertThat(quota.consume("other", "a", Tier.FREE, policy).allowed()).isTrue();
    }
}
