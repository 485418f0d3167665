package io.coditect.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * The admin REST API of the test server, as the bootstrap admin of the master realm. Also sets up
 * test fixtures (users, organizations, licenses) the way an operator would.
 */
public final class KeycloakAdmin {

    private final String base;
    private String token;
    private long tokenExpiresAt;

    KeycloakAdmin(String base) {
        this.base = base;
    }

    /** The admin API of another server (e.g. a second node started by a test). */
    public static KeycloakAdmin of(String base) {
        return new KeycloakAdmin(base);
    }

    public synchronized String token() {
        if (token == null || System.currentTimeMillis() > tokenExpiresAt) {
            Http.Reply r = Http.postForm(base + "/realms/master/protocol/openid-connect/token",
                    Map.of("client_id", "admin-cli", "username", "admin", "password", "admin",
                            "grant_type", "password"));
            if (r.status() != 200) {
                throw new IllegalStateException("admin login failed: " + r);
            }
            token = r.json().get("access_token").asText();
            tokenExpiresAt = System.currentTimeMillis() + (r.json().get("expires_in").asLong() - 10) * 1000;
        }
        return token;
    }

    public String realmUrl() {
        return base + "/admin/realms/coditect";
    }

    public Http.Reply get(String path) {
        return Http.get(realmUrl() + path, token());
    }

    public Http.Reply post(String path, Object body) {
        return Http.postJson(realmUrl() + path, token(), body);
    }

    public Http.Reply put(String path, Object body) {
        return Http.putJson(realmUrl() + path, token(), body);
    }

    public Http.Reply delete(String path) {
        return Http.delete(realmUrl() + path, token());
    }

    /** Creates a verified user with a password and returns its id. */
    public String createUser(String username, String password) {
        return createUser(username, password, true);
    }

    public String createUser(String username, String password, boolean emailVerified) {
        Http.Reply r = post("/users", Map.of("username", username, "email", username + "@example.test",
                "firstName", "Test", "lastName", username, "enabled", true, "emailVerified", emailVerified,
                "credentials", List.of(Map.of("type", "password", "value", password, "temporary", false))));
        expect(r, 201);
        return idFrom(r);
    }

    public String createOrganization(String name) {
        String alias = name.toLowerCase().replaceAll("[^a-z0-9-]", "-");
        Http.Reply r = post("/organizations", Map.of("name", name, "alias", alias));
        expect(r, 201);
        return idFrom(r);
    }

    public void addMember(String orgId, String userId) {
        expect(Http.sendJson("POST", realmUrl() + "/organizations/" + orgId + "/members", token(),
                "\"" + userId + "\""), 201);
    }

    public JsonNode createLicense(String tenantId, String tier, int seats) {
        Http.Reply r = post("/licenses", Map.of("tenant_id", tenantId, "tier", tier, "seats", seats));
        expect(r, 201);
        return r.json();
    }

    /**
     * The usual fixture: a verified user (password {@code pw}) who is a member of a new
     * organization holding a license of this tier. Names get a random suffix.
     */
    public TenantUser tenantUser(String prefix, String tier, int seats) {
        String username = prefix + "-" + tier.toLowerCase() + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String userId = createUser(username, "pw");
        String orgName = "Org " + username;
        String org = createOrganization(orgName);
        addMember(org, userId);
        JsonNode license = createLicense(org, tier, seats);
        return new TenantUser(username, userId, org, orgName, license.get("id").asText(),
                license.get("license_key").asText());
    }

    public record TenantUser(String username, String userId, String tenantId, String orgName, String licenseId,
            String licenseKey) {
    }

    public void setPolicy(Object policy) {
        expect(put("/licenses/policy", policy), 200);
    }

    public static void expect(Http.Reply r, int status) {
        if (r.status() != status) {
            throw new AssertionError("expected " + status + " but got " + r);
        }
    }

    private static String idFrom(Http.Reply r) {
        String location = r.header("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }
}
