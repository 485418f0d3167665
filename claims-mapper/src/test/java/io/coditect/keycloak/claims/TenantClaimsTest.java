package io.coditect.keycloak.claims;

import static org.assertj.core.api.Assertions.assertThat;

import io.coditect.keycloak.license.model.LicenseStatus;
import io.coditect.keycloak.license.model.Tier;
import io.coditect.keycloak.license.policy.TierPolicy;
import io.coditect.keycloak.license.tenant.LicenseSummary;
import io.coditect.keycloak.license.tenant.Membership;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.keycloak.models.OrganizationModel;

class TenantClaimsTest {

    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
    private static final TierPolicy POLICY = TierPolicy.defaults();
    private static final String KEY = "CDT-QHQTC-5GDCS-CV616-J58QP";

    @Test
    void activeLicenseGivesAllFiveClaims() {
        Map<String, Object> claims = TenantClaims.of(member("t1", "member"),
                license(Tier.PRO, LicenseStatus.ACTIVE, null), POLICY, NOW);
        assertThat(claims).containsEntry("tenant_id", "t1").containsEntry("tier", "PRO")
                .containsEntry("license_key", KEY).containsEntry("role", "member")
                .containsEntry("scopes", List.of("commands:execute", "sync:read", "sync:write"));
    }

    @Test
    void ownersGetLicenseManagement() {
        Map<String, Object> claims = TenantClaims.of(member("t1", "owner"),
                license(Tier.FREE, LicenseStatus.ACTIVE, null), POLICY, NOW);
        assertThat(claims.get("scopes")).isEqualTo(List.of("commands:execute", "sync:read", "licenses:manage"));
    }

    @Test
    void noUsableLicenseIsTierNoneWithoutKey() {
        for (Optional<LicenseSummary> license : List.of(Optional.<LicenseSummary>empty(),
                license(Tier.PRO, LicenseStatus.SUSPENDED, null), license(Tier.PRO, LicenseStatus.REVOKED, null),
                license(Tier.PRO, LicenseStatus.ACTIVE, NOW))) {
            Map<String, Object> claims = TenantClaims.of(member("t1", "member"), license, POLICY, NOW);
            assertThat(claims).containsEntry("tier", "NONE").containsEntry("tenant_id", "t1")
                    .doesNotContainKey("license_key").containsEntry("scopes", List.of());
        }
    }

    @Test
    void noTenantIsTierNoneAndNothingElse() {
        Map<String, Object> claims = TenantClaims.of(Optional.empty(), Optional.empty(), POLICY, NOW);
        assertThat(claims).containsOnlyKeys("tier", "scopes").containsEntry("tier", "NONE");
    }

    @Test
    void aLicenseExpiringLaterIsStillUsable() {
        Map<String, Object> claims = TenantClaims.of(member("t1", "member"),
                license(Tier.ENTERPRISE, LicenseStatus.ACTIVE, NOW.plusSeconds(1)), POLICY, NOW);
        assertThat(claims).containsEntry("tier", "ENTERPRISE");
    }

    private static Optional<LicenseSummary> license(Tier tier, LicenseStatus status, Instant expiresAt) {
        return Optional.of(new LicenseSummary("lic-1", tier, KEY, status, expiresAt, 3, null));
    }

    private static Optional<Membership> member(String tenantId, String role) {
        OrganizationModel org = (OrganizationModel) Proxy.newProxyInstance(OrganizationModel.class.getClassLoader(),
                new Class<?>[] {OrganizationModel.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getId")) {
                        return tenantId;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return Optional.of(new Membership(org, role));
    }
}
