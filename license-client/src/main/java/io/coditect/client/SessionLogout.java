package io.coditect.client;

import java.util.Map;
import java.util.function.Supplier;

/** Ends Keycloak sessions: this login (RP logout), or every session of the user. */
public final class SessionLogout {

    private final Supplier<OidcEndpoints> endpoints;
    private final HttpTransport transport;
    private final String clientId;
    private final BearerClient bearer;

    public SessionLogout(Supplier<OidcEndpoints> endpoints, HttpTransport transport, String clientId, BearerClient bearer) {
        this.endpoints = endpoints;
        this.transport = transport;
        this.clientId = clientId;
        this.bearer = bearer;
    }

    /**
     * Ends the session behind this refresh token at the end_session endpoint. Keycloak
     * accepts {@code client_id + refresh_token} there from public clients without a browser.
     */
    public void endSession(String refreshToken) {
        OidcEndpoints oidc = endpoints.get();
        if (oidc.endSessionEndpoint() == null) {
            throw new CoditectException("logout_unsupported", "The server publishes no end_session_endpoint.", null);
        }
        TransportResponse response = ServerCall.send(transport, TransportRequest.postForm(oidc.endSessionEndpoint(),
                Map.of("client_id", clientId, "refresh_token", refreshToken)));
        // 400 invalid_grant: the session is already gone, which is what we wanted.
        if (!response.isSuccess() && !"invalid_grant".equals(Json.text(Json.parseLenient(response.body()), "error"))) {
            throw ApiErrorException.from(response);
        }
    }

    /** Signs the user out everywhere, this session included, through Keycloak's account REST API. */
    public void endAllSessions() {
        bearer.call("DELETE", "/account/sessions?current=true", null);
    }
}
