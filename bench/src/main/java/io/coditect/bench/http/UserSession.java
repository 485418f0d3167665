package io.coditect.bench.http;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One user's Keycloak session through one client: its current tokens. Access tokens live 300 s,
 * so {@link #renew} runs before every measured round (a refresh grant keeps the same session,
 * hence the same seat).
 */
final class UserSession {

    private final OidcClient client;
    private volatile String accessToken;
    private volatile String refreshToken;

    UserSession(OidcClient client, JsonNode tokens) {
        this.client = client;
        take(tokens);
    }

    String accessToken() {
        return accessToken;
    }

    String refreshToken() {
        return refreshToken;
    }

    OidcClient client() {
        return client;
    }

    void renew(Http http) {
        take(http.send(client.refreshRequest(refreshToken)).expect(200, "refresh of " + client.clientId()).json());
    }

    private void take(JsonNode tokens) {
        accessToken = tokens.get("access_token").asText();
        refreshToken = tokens.get("refresh_token").asText();
    }
}
