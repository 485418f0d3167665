package io.coditect.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Login by the OAuth 2.0 device authorization grant (RFC 8628) with PKCE S256: shows a URL
 * and a code, then polls the token endpoint at the server's pace until the user approves.
 */
public final class DeviceFlowLogin {

    public static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:device_code";

    // RFC 8628 §3.5: on slow_down "the interval MUST be increased by 5 seconds".
    static final Duration SLOW_DOWN_STEP = Duration.ofSeconds(5);
    // Transient network errors while the user is busy in the browser should not cost the
    // login; a few in a row mean the server is really gone.
    static final int MAX_CONSECUTIVE_NETWORK_ERRORS = 3;

    private final Supplier<OidcEndpoints> endpoints;
    private final HttpTransport transport;
    private final TokenEndpoint tokenEndpoint;
    private final Clock clock;
    private final Sleeper sleeper;

    public DeviceFlowLogin(Supplier<OidcEndpoints> endpoints, HttpTransport transport,
                           TokenEndpoint tokenEndpoint, Clock clock, Sleeper sleeper) {
        this.endpoints = endpoints;
        this.transport = transport;
        this.tokenEndpoint = tokenEndpoint;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Runs the whole flow; {@code prompt} is told what to show the user before polling starts. */
    public TokenSet login(String scope, Consumer<DeviceAuthorization> prompt) {
        Pkce pkce = Pkce.generate();
        DeviceAuthorization authorization = start(scope, pkce);
        prompt.accept(authorization);
        return poll(authorization, pkce);
    }

    public DeviceAuthorization start(String scope, Pkce pkce) {
        OidcEndpoints oidc = endpoints.get();
        if (oidc.deviceAuthorizationEndpoint() == null) {
            throw new LoginFailedException("device_flow_unsupported",
                    "The server does not offer the device authorization grant; try 'coditect login --browser'.");
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_id", tokenEndpoint.clientId());
        form.put("scope", scope);
        form.put("code_challenge", pkce.challenge());
        form.put("code_challenge_method", Pkce.METHOD);
        TransportResponse response = ServerCall.send(transport,
                TransportRequest.postForm(oidc.deviceAuthorizationEndpoint(), form));
        JsonNode body = Json.parseLenient(response.body());
        if (!response.isSuccess()) {
            OAuthErrorException error = TokenEndpoint.oauthError(response, body);
            throw new LoginFailedException(error.code(), "The server refused to start a device login: " + error.getMessage());
        }
        DeviceAuthorization authorization = DeviceAuthorization.from(body, clock);
        if (authorization.deviceCode() == null || authorization.userCode() == null || authorization.bestUri() == null) {
            throw new LoginFailedException("invalid_response", "The device authorization response is incomplete.");
        }
        return authorization;
    }

    public TokenSet poll(DeviceAuthorization authorization, Pkce pkce) {
        Map<String, String> form = Map.of(
                "grant_type", GRANT_TYPE,
                "device_code", authorization.deviceCode(),
                "code_verifier", pkce.verifier());
        Duration interval = authorization.interval();
        int networkErrors = 0;
        while (true) {
            if (!clock.instant().isBefore(authorization.expiresAt())) {
                throw expired();
            }
            pause(interval);
            try {
                return tokenEndpoint.grant(form);
            } catch (OAuthErrorException e) {
                networkErrors = 0;
                switch (e.code()) {
                    case "authorization_pending" -> { }
                    case "slow_down" -> interval = interval.plus(SLOW_DOWN_STEP);
                    case "expired_token" -> throw expired();
                    case "access_denied" -> throw new LoginFailedException("access_denied", "The login was denied in the browser.");
                    default -> throw new LoginFailedException(e.code(), "Login failed: " + e.getMessage());
                }
            } catch (ServerUnavailableException e) {
                if (++networkErrors >= MAX_CONSECUTIVE_NETWORK_ERRORS) {
                    throw e;
                }
                // RFC 8628 §3.5 asks for a backoff after a connection timeout.
                interval = interval.multipliedBy(2);
            }
        }
    }

    private void pause(Duration interval) {
        try {
            sleeper.sleep(interval);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LoginFailedException("interrupted", "Login interrupted.");
        }
    }

    private static LoginFailedException expired() {
        return new LoginFailedException("expired_token", "The login code expired before it was approved; run 'coditect login' again.");
    }
}
