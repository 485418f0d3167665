package io.coditect.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.coditect.it.support.CoditectStack;
import io.coditect.it.support.Http;
import io.coditect.it.support.KeycloakAdmin;
import io.coditect.it.support.Tokens;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The admin REST API for licenses and the tier policy: contract, bad input and authorization. */
@ExtendWith(CoditectStack.Extension.class)
class LicenseAdminIT {

    private final CoditectStack stack = CoditectStack.get();
    private final KeycloakAdmin admin = stack.admin();
    private final Tokens tokens = new Tokens(stack);

    @Test
    void createReadUpdateDeleteALicense() {
        String org = admin.createOrganization("Crud " + ClaimsIT.suffix());
        Http.Reply created = admin.post("/licenses", Map.of("tenant_id", org, "tier", "PRO", "seats", 5,
                "expires_at", "2031-01-31T00:00:00Z"));
        assertThat(created.status()).isEqualTo(201);
        JsonNode license = created.json();
        String id = license.get("id").asText();
        assertThat(created.header("Location")).endsWith("/licenses/" + id);
        assertThat(license.get("license_key").asText()).matches("CDT(-[0-9A-HJKMNP-TV-Z]{5}){4}");
        assertThat(license.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(license.get("grace_period_days").asInt()).isEqualTo(7);
        assertThat(license.get("expires_at").asText()).isEqualTo("2031-01-31T00:00:00Z");

        assertThat(admin.get("/licenses/" + id).json().get("license_key")).isEqualTo(license.get("license_key"));
        assertThat(admin.get("/licenses?tenant_id=" + org).json()).hasSize(1);
        assertThat(admin.get("/licenses?tier=PRO&max=1000").json().findValuesAsText("id")).contains(id);

        Http.Reply updated = admin.put("/licenses/" + id, Map.of("seats", 9, "status", "SUSPENDED",
                "grace_period_days", 3));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().get("seats").asInt()).isEqualTo(9);
        assertThat(updated.json().get("status").asText()).isEqualTo("SUSPENDED");
        assertThat(updated.json().get("grace_period_days").asInt()).isEqualTo(3);
        assertThat(admin.get("/licenses/" + id + "/sessions").json().get("sessions")).isEmpty();

        assertThat(admin.delete("/licenses/" + id).status()).isEqualTo(204);
        assertThat(admin.get("/licenses/" + id).status()).isEqualTo(404);
        assertThat(admin.get("/licenses/" + id).error()).isEqualTo("license_not_found");
    }

    @Test
    void badInputGetsTheDocumentedErrorNeverA500() {
        String org = admin.createOrganization("Bad " + ClaimsIT.suffix());
        assertError(admin.post("/licenses", Map.of("tenant_id", "no-such-org", "tier", "PRO", "seats", 1)),
                404, "tenant_not_found");
        assertError(admin.post("/licenses", Map.of("tenant_id", org, "tier", "GOLD", "seats", 1)), 400,
                "invalid_request");
        assertError(admin.post("/licenses", Map.of("tenant_id", org, "tier", "PRO", "seats", 0)), 400,
                "invalid_request");
        assertError(admin.post("/licenses", Map.of("tenant_id", org, "tier", "PRO", "seats", -3)), 400,
                "invalid_request");
        assertError(admin.post("/licenses", Map.of("tenant_id", org, "tier", "PRO", "seats", "many")), 400,
                "invalid_request");
        assertError(admin.post("/licenses", Map.of("tenant_id", org, "tier", "PRO")), 400, "invalid_request");
        assertError(admin.post("/licenses", Map.of("tenant_id", org, "tier", "PRO", "seats", 1,
                "expires_at", "tomorrow")), 400, "invalid_request");
        assertError(admin.post("/licenses", Map.of("tenant_id", org, "tier", "PRO", "seats", 1, "colour", "red")),
                400, "invalid_request");
        assertError(admin.post("/licenses", "{\"tenant_id\": "), 400, "invalid_request");
        assertError(admin.post("/licenses", "[1,2,3]"), 400, "invalid_request");
        assertError(admin.post("/licenses", Map.of("tenant_id", org, "tier", "PRO", "seats", 1,
                "padding", "x".repeat(20_000))), 400, "invalid_request");

        assertThat(admin.post("/licenses", Map.of("tenant_id", org, "tier", "PRO", "seats", 1)).status())
                .isEqualTo(201);
        assertError(admin.post("/licenses", Map.of("tenant_id", org, "tier", "FREE", "seats", 1)), 409,
                "license_exists");

        assertError(admin.get("/licenses/does-not-exist"), 404, "license_not_found");
        assertError(admin.put("/licenses/does-not-exist", Map.of("seats", 2)), 404, "license_not_found");
        assertError(admin.get("/licenses?max=0"), 400, "invalid_request");
        assertError(admin.get("/licenses?first=abc"), 400, "invalid_request");
        assertError(admin.get("/licenses?tier=GOLD"), 400, "invalid_request");
        assertError(admin.put("/licenses/policy", Map.of("tiers", Map.of("GOLD", Map.of()))), 400,
                "invalid_request");
        assertError(admin.put("/licenses/policy", Map.of("tiers", Map.of("FREE",
                Map.of("heartbeat_interval", 0)))), 400, "invalid_request");
        assertError(admin.put("/licenses/policy", Map.of("quota_zone", "Mars/Olympus")), 400, "invalid_request");
    }

    @Test
    void deletingTheTenantDeletesItsLicense() {
        String org = admin.createOrganization("Gone " + ClaimsIT.suffix());
        String id = admin.createLicense(org, "PRO", 1).get("id").asText();
        assertThat(admin.delete("/organizations/" + org).status()).isEqualTo(204);
        assertError(admin.get("/licenses/" + id), 404, "license_not_found");
    }

    @Test
    void anotherRealmsLicenseIdIsNotFound() {
        String org = admin.createOrganization("Foreign " + ClaimsIT.suffix());
        String id = admin.createLicense(org, "PRO", 1).get("id").asText();
        Http.Reply fromMaster = Http.get(stack.baseUrl() + "/admin/realms/master/licenses/" + id, admin.token());
        assertThat(fromMaster.status()).isEqualTo(404);
    }

    @Test
    void policyRoundTripsAndKeepsDefaultsForTiersLeftOut() {
        Http.Reply before = admin.get("/licenses/policy");
        assertThat(before.status()).isEqualTo(200);
        assertThat(before.json().at("/tiers/FREE/daily_command_quota").asInt()).isEqualTo(10);
        assertThat(before.json().at("/tiers/PRO/daily_command_quota").isNull()).isTrue();
        assertThat(before.json().at("/tiers/ENTERPRISE/mfa_required").asBoolean()).isTrue();
        try {
            Map<String, Object> free = new HashMap<>(Map.of("daily_command_quota", 12, "scopes",
                    List.of("commands:execute")));
            Http.Reply put = admin.put("/licenses/policy", Map.of("tiers", Map.of("FREE", free)));
            assertThat(put.status()).isEqualTo(200);
            JsonNode after = admin.get("/licenses/policy").json();
            assertThat(after.at("/tiers/FREE/daily_command_quota").asInt()).isEqualTo(12);
            assertThat(after.at("/tiers/FREE/heartbeat_interval").asInt()).isEqualTo(300);
            assertThat(after.at("/tiers/PRO/grace_period_days").asInt()).isEqualTo(7);
        } finally {
            admin.setPolicy(before.json());
        }
    }

    @Test
    void onlyRealmAdminsMayReadAndOnlyManagersMayWrite() {
        Http.Reply noToken = Http.get(admin.realmUrl() + "/licenses", null);
        assertThat(noToken.status()).isEqualTo(401);

        String plain = "plain-" + ClaimsIT.suffix();
        admin.createUser(plain, "pw");
        String plainToken = tokens.password(plain, "pw").accessToken();
        assertThat(Http.get(admin.realmUrl() + "/licenses", plainToken).status()).isEqualTo(403);
        assertThat(Http.get(admin.realmUrl() + "/licenses/policy", plainToken).status()).isEqualTo(403);

        String viewer = "viewer-" + ClaimsIT.suffix();
        String viewerId = admin.createUser(viewer, "pw");
        grantRealmManagementRole(viewerId, "view-realm");
        String viewerToken = tokens.password(viewer, "pw").accessToken();
        assertThat(Http.get(admin.realmUrl() + "/licenses", viewerToken).status()).isEqualTo(200);
        assertThat(Http.get(admin.realmUrl() + "/licenses/policy", viewerToken).status()).isEqualTo(200);
        String org = admin.createOrganization("Viewer " + ClaimsIT.suffix());
        Http.Reply write = Http.postJson(admin.realmUrl() + "/licenses", viewerToken,
                Map.of("tenant_id", org, "tier", "PRO", "seats", 1));
        assertError(write, 403, "access_denied");
        assertThat(Http.putJson(admin.realmUrl() + "/licenses/policy", viewerToken, Map.of()).status())
                .isEqualTo(403);
    }

    private void grantRealmManagementRole(String userId, String role) {
        String clientUuid = admin.get("/clients?clientId=realm-management").json().get(0).get("id").asText();
        JsonNode roleRep = admin.get("/clients/" + clientUuid + "/roles/" + role).json();
        KeycloakAdmin.expect(admin.post("/users/" + userId + "/role-mappings/clients/" + clientUuid,
                List.of(roleRep)), 204);
    }

    static void assertError(Http.Reply reply, int status, String error) {
        assertThat(reply.status()).as("%s", reply).isEqualTo(status);
        assertThat(reply.error()).as("%s", reply).isEqualTo(error);
        assertThat(reply.json().path("error_description").asText()).isNotBlank();
    }
}
