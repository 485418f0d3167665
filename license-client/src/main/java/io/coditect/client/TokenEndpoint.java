package io.coditect.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;

/** Grant requests to the realm's token endpoint (RFC 6749 §3.2) for the public client. */
public final class TokenEndpoint {

    private final Supplier<OidcEndpoints> endpoints;
    private final HttpTransport transport;
    private final String clientId;
    private final Clock clock;

    public TokenEndpoint(Supplier<OidcEndpoints> endpoints, HttpTransport transport, String clientId, Clock clock) {
        this.endpoints = endpoints;
        this.transport = transport;
        this.clientId = clientId;
        this.clock = clock;
    }

    public String clientId() {
        return clientId;
    }

    /**
     * Posts a grant; {@code client_id} is added.
     *
     * @throws OAuthErrorException for an OAuth error answer (pending, slow_down, invalid_grant, ...)
     * @throws ServerUnavailableException when the endpoint cannot be reached
     */
    public TokenSet grant(Map<String, String> form) {
        Map<String, String> withClient = new java.util.LinkedHashMap<>(form);
        withClient.put("client_id", clientId);
        TransportResponse response = ServerCall.send(transport,
                TransportRequest.postForm(endpoints.get().tokenEndpoint(), withClient));
        JsonNode body = Json.parseLenient(response.body());
        if (!response.isSuccess()) {
            throw oauthError(response, body);
        }
        TokenSet tokens = TokenSet.fromTokenResponse(body, clock);
        if (tokens.accessToken() == null) {
            throw new OAuthErrorException(response.status(), "invalid_response", "token endpoint returned no access_token");
        }
        return tokens;
    }

    public TokenSet refresh(String refreshToken) {
        return grant(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
    }

    static OAuthErrorException oauthError(TransportResponse response, JsonNode body) {
        String error = Json.text(body, "error");
        return new OAuthErrorException(response.status(),
                error == null ? "http_" + response.status() : error,
                Json.text(body, "error_description"));
    }
}
