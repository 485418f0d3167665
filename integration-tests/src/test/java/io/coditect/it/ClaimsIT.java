package io.coditect.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.coditect.it.support.CoditectStack;
import io.coditect.it.support.DeviceLogin;
import io.coditect.it.support.Http;
import io.coditect.it.support.KeycloakAdmin;
import io.coditect.it.support.Tokens;
import io.coditect.it.support.TotpDevice;
import io.coditect.it.support.Tokens.TokenSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The five CODITECT claims in every kind of token, for each tier, through the real coditect-cli login. */
@ExtendWith(CoditectStack.Extension.class)
class ClaimsIT {

    private final CoditectStack stack = CoditectStack.get();
    private final KeycloakAdmin admin = stack.admin();
    private final Tokens tokens = new Tokens(stack);

    @Test
    void freeAndProUsersLoggedInThroughTheCliCarryTheirClaimsInEveryToken() {
        for (String tier : List.of("FREE", "PRO")) {
            Fixture f = userWithLicense(tier, 2);
            TokenSet t = new DeviceLogin(stack).login(f.username, "pw");
            List<String> scopes = tier.equals("FREE") ? List.of("commands:execute", "sync:read")
                    : List.of("commands:execute", "sync:read", "sync:write");

            assertClaims(t.access(), f, tier, "member", scopes);
            assertClaims(Tokens.claims(t.idToken()), f, tier, "member", scopes);
            assertClaims(tokens.userinfo(t.accessToken()), f, tier, "member", scopes);
            JsonNode introspection = tokens.introspect(t.accessToken());
            assertThat(introspection.get("active").asBoolean()).isTrue();
            assertClaims(introspection, f, tier, "member", scopes);
        }
    }

    @Test
    void enterpriseUserLoggedInThroughTheCliWithTotpCarriesTheClaims() {
        Fixture f = userWithLicense("ENTERPRISE", 5);
        TokenSet t = new DeviceLogin(stack).login(f.username, "pw", new TotpDevice());
        List<String> scopes = List.of("commands:execute", "sync:read", "sync:write");
        assertClaims(t.access(), f, "ENTERPRISE", "member", scopes);
        assertClaims(Tokens.claims(t.idToken()), f, "ENTERPRISE", "member", scopes);
        assertClaims(tokens.userinfo(t.accessToken()), f, "ENTERPRISE", "member", scopes);
        assertClaims(tokens.introspect(t.accessToken()), f, "ENTERPRISE", "member", scopes);
    }

    @Test
    void enterpriseOwnerGetsLicenseManagementScope() {
        Fixture f = userWithLicense("ENTERPRISE", 5);
        JsonNode org = admin.get("/organizations/" + f.tenantId).json();
        KeycloakAdmin.expect(admin.put("/organizations/" + f.tenantId, Map.of("name", org.get("name").asText(), "alias",
                org.get("alias").asText(), "attributes", Map.of("coditect.owners", List.of(f.userId)))), 204);
        TokenSet t = tokens.password(f.username, "pw");
        assertClaims(t.access(), f, "ENTERPRISE", "owner",
                List.of("commands:execute", "sync:read", "sync:write", "licenses:manage"));
    }

    @Test
    void userWithoutLicenseGetsTierNone() {
        String name = "nolic-" + suffix();
        String userId = admin.createUser(name, "pw");
        String org = admin.createOrganization("NoLicense " + name);
        admin.addMember(org, userId);
        JsonNode claims = tokens.password(name, "pw").access();
        assertThat(claims.get("tier").asText()).isEqualTo("NONE");
        assertThat(claims.has("license_key")).isFalse();
        assertThat(claims.get("tenant_id").asText()).isEqualTo(org);
        assertThat(claims.get("role").asText()).isEqualTo("member");
        assertThat(claims.get("scopes").isArray()).isTrue();
        assertThat(claims.get("scopes")).isEmpty();
    }

    @Test
    void userInTwoOrganizationsGetsThePrimaryTenant() {
        Fixture first = userWithLicense("PRO", 1);
        // A second tenant whose alias sorts before the first one's, where the user is the owner:
        // owned tenants win over alias order, and the claims do not vanish as Keycloak's own
        // organization claim does for multi-organization users.
        String second = admin.createOrganization("aaa-owned-" + suffix());
        admin.createLicense(second, "ENTERPRISE", 3);
        admin.addMember(second, first.userId);
        JsonNode org = admin.get("/organizations/" + second).json();
        admin.put("/organizations/" + second, Map.of("name", org.get("name").asText(), "alias",
                org.get("alias").asText(), "attributes", Map.of("coditect.owners", List.of(first.userId))));

        JsonNode claims = tokens.password(first.username, "pw").access();
        assertThat(claims.get("tenant_id").asText()).isEqualTo(second);
        assertThat(claims.get("tier").asText()).isEqualTo("ENTERPRISE");
        assertThat(claims.get("role").asText()).isEqualTo("owner");
    }

    @Test
    void tierUpgradeShowsInTheNextRefreshedToken() {
        Fixture f = userWithLicense("FREE", 1);
        TokenSet t = tokens.password(f.username, "pw");
        assertThat(t.access().get("tier").asText()).isEqualTo("FREE");

        Http.Reply r = admin.put("/licenses/" + f.licenseId, Map.of("tier", "PRO", "seats", 3));
        assertThat(r.status()).isEqualTo(200);

        TokenSet refreshed = tokens.refresh(t);
        assertThat(refreshed.access().get("tier").asText()).isEqualTo("PRO");
        assertThat(refreshed.access().get("scopes").toString()).contains("sync:write");
    }

    @Test
    void suspendedLicenseLeavesNoTierAndNoKeyInTheToken() {
        Fixture f = userWithLicense("PRO", 1);
        admin.put("/licenses/" + f.licenseId, Map.of("status", "SUSPENDED"));
        JsonNode claims = tokens.password(f.username, "pw").access();
        assertThat(claims.get("tier").asText()).isEqualTo("NONE");
        assertThat(claims.has("license_key")).isFalse();
        assertThat(claims.get("tenant_id").asText()).isEqualTo(f.tenantId);
    }

    @Test
    void userWithoutAnyTenantGetsAPersonalFreeTenantAtFirstLogin() {
        String name = "solo-" + suffix();
        String userId = admin.createUser(name, "pw");
        new DeviceLogin(stack).login(name, "pw");
        JsonNode orgs = admin.get("/organizations/members/" + userId + "/organizations").json();
        assertThat(orgs).hasSize(1);
        String tenant = orgs.get(0).get("id").asText();
        JsonNode licenses = admin.get("/licenses?tenant_id=" + tenant).json();
        assertThat(licenses).hasSize(1);
        assertThat(licenses.get(0).get("tier").asText()).isEqualTo("FREE");
        // Idempotent: a second login creates nothing more.
        new DeviceLogin(stack).login(name, "pw");
        assertThat(admin.get("/organizations/members/" + userId + "/organizations").json()).hasSize(1);
    }

    private static void assertClaims(JsonNode claims, Fixture f, String tier, String role, List<String> scopes) {
        assertThat(claims.path("tenant_id").asText()).as("tenant_id in %s", claims).isEqualTo(f.tenantId);
        assertThat(claims.path("tier").asText()).isEqualTo(tier);
        assertThat(claims.path("license_key").asText()).isEqualTo(f.licenseKey);
        assertThat(claims.path("role").asText()).isEqualTo(role);
        assertThat(claims.path("scopes").isArray()).isTrue();
        assertThat(Http.JSON.convertValue(claims.path("scopes"), List.class)).isEqualTo(scopes);
    }

    private Fixture userWithLicense(String tier, int seats) {
        KeycloakAdmin.TenantUser u = admin.tenantUser("claims", tier, seats);
        return new Fixture(u.username(), u.userId(), u.tenantId(), u.orgName(), u.licenseId(), u.licenseKey());
    }

    static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    record Fixture(String username, String userId, String tenantId, String orgName, String licenseId,
            String licenseKey) {
    }
}
