package io.coditect.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Tokens for tests. Most tests log in with the password grant of the test-only confidential
 * client {@code coditect-test} (created here, never shipped: the real CLI client has no direct
 * grant), which carries the same {@code coditect} client scope. {@link DeviceLogin} logs in
 * through the real {@code coditect-cli} client.
 */
public final class Tokens {

    public static final String CLIENT = "coditect-test";
    public static final String SECRET = "coditect-test-secret";
    private static final java.util.Set<String> SERVERS_WITH_CLIENT = new java.util.HashSet<>();

    private final String realmUrl;

    public Tokens(CoditectStack stack) {
        this(stack.baseUrl(), stack.admin());
    }

    public Tokens(String baseUrl, KeycloakAdmin admin) {
        this.realmUrl = baseUrl + "/realms/coditect";
        ensureClient(baseUrl, admin);
    }

    private static synchronized void ensureClient(String baseUrl, KeycloakAdmin admin) {
        if (SERVERS_WITH_CLIENT.contains(baseUrl)) {
            return;
        }
        Http.Reply r = admin.post("/clients", Map.of("clientId", CLIENT, "publicClient", false,
                "secret", SECRET, "directAccessGrantsEnabled", true, "standardFlowEnabled", false,
                "defaultClientScopes", List.of("basic", "profile", "email", "roles", "coditect"),
                "optionalClientScopes", List.of("offline_access"),
                "attributes", Map.of("allow.token.introspection.without.audience.check", "true")));
        if (r.status() != 201 && r.status() != 409) {
            throw new AssertionError("could not create the test client: " + r);
        }
        SERVERS_WITH_CLIENT.add(baseUrl);
    }

    public TokenSet password(String username, String password) {
        Http.Reply r = Http.postForm(tokenUrl(), Map.of("grant_type", "password", "client_id", CLIENT,
                "client_secret", SECRET, "username", username, "password", password, "scope", "openid"));
        if (r.status() != 200) {
            throw new AssertionError("password grant failed for " + username + ": " + r);
        }
        return TokenSet.of(r.json());
    }

    public TokenSet refresh(TokenSet tokens, String clientId, String secret) {
        Map<String, String> form = new java.util.HashMap<>(Map.of("grant_type", "refresh_token",
                "client_id", clientId, "refresh_token", tokens.refreshToken()));
        if (secret != null) {
            form.put("client_secret", secret);
        }
        Http.Reply r = Http.postForm(tokenUrl(), form);
        if (r.status() != 200) {
            throw new AssertionError("refresh failed: " + r);
        }
        return TokenSet.of(r.json());
    }

    public TokenSet refresh(TokenSet tokens) {
        return refresh(tokens, CLIENT, SECRET);
    }

    public JsonNode userinfo(String accessToken) {
        Http.Reply r = Http.get(realmUrl + "/protocol/openid-connect/userinfo", accessToken);
        if (r.status() != 200) {
            throw new AssertionError("userinfo failed: " + r);
        }
        return r.json();
    }

    public JsonNode introspect(String token) {
        Http.Reply r = Http.postForm(realmUrl + "/protocol/openid-connect/token/introspect",
                Map.of("client_id", CLIENT, "client_secret", SECRET, "token", token));
        if (r.status() != 200) {
            throw new AssertionError("introspection failed: " + r);
        }
        return r.json();
    }

    public String tokenUrl() {
        return realmUrl + "/protocol/openid-connect/token";
    }

    /** The payload of a JWT, unverified: for reading claims in assertions only. */
    public static JsonNode claims(String jwt) {
        String[] parts = jwt.split("\\.");
        try {
            return Http.JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    public record TokenSet(String accessToken, String refreshToken, String idToken) {
        static TokenSet of(JsonNode json) {
            return new TokenSet(json.path("access_token").asText(null), json.path("refresh_token").asText(null),
                    json.path("id_token").asText(null));
        }

        public JsonNode access() {
            return claims(accessToken);
        }
    }
}
