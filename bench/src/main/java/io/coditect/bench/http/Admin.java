package io.coditect.bench.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** Keycloak's admin REST API of the coditect realm, as the master realm's bootstrap admin. */
final class Admin {

    private final Http http;
    private final String server;
    private String token;
    private long tokenValidUntil;

    Admin(Http http, String server) {
        this.http = http;
        this.server = server;
    }

    String createOrganization(String name) {
        return call("POST", "/organizations", Map.of("name", name, "alias", name))
                .expect(201, "create organization " + name).createdId();
    }

    /** A verified, enabled user with a password; returns its id. */
    String createUser(String username, String password) {
        return call("POST", "/users", Map.of("username", username, "email", username + "@bench.test",
                "firstName", "Bench", "lastName", username, "enabled", true, "emailVerified", true,
                "credentials", List.of(Map.of("type", "password", "value", password, "temporary", false))))
                .expect(201, "create user " + username).createdId();
    }

    void addMember(String organizationId, String userId) {
        call("POST", "/organizations/" + organizationId + "/members", "\"" + userId + "\"")
                .expect(201, "add member");
    }

    void createLicense(String tenantId, String tier, int seats) {
        call("POST", "/licenses", Map.of("tenant_id", tenantId, "tier", tier, "seats", seats))
                .expect(201, "create " + tier + " license");
    }

    /** A confidential client with the password grant and exactly these default client scopes. */
    void createClient(OidcClient client, List<String> defaultScopes) {
        call("POST", "/clients", Map.of("clientId", client.clientId(), "publicClient", false,
                "secret", client.secret(), "directAccessGrantsEnabled", true, "standardFlowEnabled", false,
                "defaultClientScopes", defaultScopes, "optionalClientScopes", List.of()))
                .expect(201, "create client " + client.clientId());
    }

    JsonNode policy() {
        return call("GET", "/licenses/policy", null).expect(200, "read tier policy").json();
    }

    void putPolicy(Object policy) {
        call("PUT", "/licenses/policy", policy).expect(200, "write tier policy");
    }

    private Http.Reply call(String method, String path, Object body) {
        return http.send(Http.json(method, server + "/admin/realms/coditect" + path, token(), body));
    }

    private synchronized String token() {
        if (token == null || System.currentTimeMillis() > tokenValidUntil) {
            JsonNode r = http.send(Http.form(server + "/realms/master/protocol/openid-connect/token",
                    Map.of("client_id", "admin-cli", "username", "admin", "password", "admin", "grant_type", "password")))
                    .expect(200, "admin login").json();
            token = r.get("access_token").asText();
            tokenValidUntil = System.currentTimeMillis() + (r.get("expires_in").asLong() - 15) * 1000;
        }
        return token;
    }
}
