package io.coditect.bench.http;

import java.net.http.HttpRequest;
import java.util.Map;

/** A confidential client of the coditect realm made for the benchmark (password and refresh grants). */
record OidcClient(String server, String clientId, String secret) {

    String tokenUrl() {
        return server + "/realms/coditect/protocol/openid-connect/token";
    }

    /** Logs a user in (scope openid, like the CLI) and returns the user's session of this client. */
    UserSession login(Http http, String username, String password) {
        Http.Reply r = http.send(Http.form(tokenUrl(), Map.of("grant_type", "password", "client_id", clientId,
                "client_secret", secret, "username", username, "password", password, "scope", "openid")))
                .expect(200, "password grant of " + username + " with " + clientId);
        return new UserSession(this, r.json());
    }

    HttpRequest refreshRequest(String refreshToken) {
        return Http.form(tokenUrl(), Map.of("grant_type", "refresh_token", "client_id", clientId,
                "client_secret", secret, "refresh_token", refreshToken));
    }
}
