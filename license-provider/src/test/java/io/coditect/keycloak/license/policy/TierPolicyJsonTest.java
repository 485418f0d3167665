package io.coditect.keycloak.license.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coditect.keycloak.license.model.Tier;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class TierPolicyJsonTest {

    @Test
    void defaultsAreTheDesignsTable() {
        TierPolicy p = TierPolicy.defaults();
        assertThat(p.rules(Tier.FREE).dailyCommandQuota()).isEqualTo(10);
        assertThat(p.rules(Tier.PRO).unlimited()).isTrue();
        assertThat(p.rules(Tier.ENTERPRISE).unlimited()).isTrue();
        assertThat(p.rules(Tier.FREE).gracePeriodDays()).isZero();
        assertThat(p.rules(Tier.PRO).gracePeriodDays()).isEqualTo(7);
        assertThat(p.rules(Tier.ENTERPRISE).mfaRequired()).isTrue();
        assertThat(p.rules(Tier.PRO).heartbeatInterval()).isEqualTo(300);
        assertThat(p.quotaZone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(p.scopesFor(Tier.FREE, "member")).containsExactly("commands:execute", "sync:read");
        assertThat(p.scopesFor(Tier.PRO, "owner"))
                .containsExactly("commands:execute", "sync:read", "sync:write", "licenses:manage");
        assertThat(p.scopesFor(null, "admin")).containsExactly("licenses:manage");
    }

    @Test
    void writeThenParseRoundTrips() {
        TierPolicy p = TierPolicyJson.parse("{\"tiers\":{\"FREE\":{\"daily_command_quota\":12,\"scopes\":[\"a:b\"]}},"
                + "\"quota_zone\":\"Europe/Berlin\"}");
        assertThat(TierPolicyJson.parse(TierPolicyJson.toJson(p))).isEqualTo(p);
        assertThat(p.rules(Tier.FREE).dailyCommandQuota()).isEqualTo(12);
        assertThat(p.rules(Tier.FREE).heartbeatInterval()).as("left out: default").isEqualTo(300);
        assertThat(p.rules(Tier.FREE).scopes()).isEqualTo(List.of("a:b"));
        assertThat(p.quotaZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
    }

    @Test
    void nullQuotaMeansUnlimited() {
        assertThat(TierPolicyJson.parse("{\"tiers\":{\"FREE\":{\"daily_command_quota\":null}}}").rules(Tier.FREE)
                .unlimited()).isTrue();
    }

    @Test
    void badPoliciesSayWhatIsWrong() {
        assertBad("[]", "must be a JSON object");
        assertBad("{\"tiers\":{\"GOLD\":{}}}", "Unknown tier 'GOLD'");
        assertBad("{\"tiers\":{\"free\":{}}}", "Unknown tier 'free'");
        assertBad("{\"tiers\":{\"FREE\":{\"heartbeat_interval\":1}}}", "heartbeat_interval");
        assertBad("{\"tiers\":{\"FREE\":{\"grace_period_days\":-1}}}", "grace_period_days");
        assertBad("{\"tiers\":{\"FREE\":{\"daily_command_quota\":\"ten\"}}}", "daily_command_quota");
        assertBad("{\"tiers\":{\"FREE\":{\"mfa_required\":\"yes\"}}}", "mfa_required");
        assertBad("{\"tiers\":{\"FREE\":{\"scopes\":[\"UPPER CASE\"]}}}", "invalid scope");
        assertBad("{\"tiers\":{\"FREE\":{\"colour\":1}}}", "Unknown field 'colour'");
        assertBad("{\"quota_zone\":\"Mars/Base\"}", "not a known time zone");
        assertBad("{\"role_scopes\":{\"king\":[]}}", "Unknown role");
        assertBad("{oops", "not valid JSON");
    }

    private static void assertBad(String json, String message) {
        assertThatThrownBy(() -> TierPolicyJson.parse(json)).isInstanceOf(TierPolicyJson.InvalidPolicyException.class)
                .hasMessageContaining(message);
    }
}
