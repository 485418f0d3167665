package io.coditect.client;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** An authorization-code request with PKCE S256 for a loopback redirect (RFC 8252 §7.3). */
public record AuthorizationRequest(URI authorizationEndpoint, String clientId, URI redirectUri,
                                   String scope, String state, Pkce pkce) {

    private static final SecureRandom RANDOM = new SecureRandom();

    public static AuthorizationRequest create(URI authorizationEndpoint, String clientId, URI redirectUri, String scope) {
        byte[] state = new byte[16];
        RANDOM.nextBytes(state);
        return new AuthorizationRequest(authorizationEndpoint, clientId, redirectUri, scope,
                Pkce.base64Url(state), Pkce.generate());
    }

    public URI toUri() {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", clientId);
        query.put("redirect_uri", redirectUri.toString());
        query.put("scope", scope);
        query.put("state", state);
        query.put("code_challenge", pkce.challenge());
        query.put("code_challenge_method", Pkce.METHOD);
        String encoded = query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        String base = authorizationEndpoint.toString();
        return URI.create(base + (base.contains("?") ? "&" : "?") + encoded);
    }

    /**
     * Checks the redirect's query and returns the code.
     *
     * @throws LoginFailedException on an error answer or a state that is not ours (CSRF)
     */
    public String codeFrom(Map<String, String> callbackQuery) {
        String error = callbackQuery.get("error");
        if (error != null) {
            String description = callbackQuery.getOrDefault("error_description", error);
            throw new LoginFailedException(error, "The login was not completed: " + description);
        }
        if (!state.equals(callbackQuery.get("state"))) {
            throw new LoginFailedException("state_mismatch", "The login answer did not match this login attempt; try again.");
        }
        String code = callbackQuery.get("code");
        if (code == null || code.isBlank()) {
            throw new LoginFailedException("invalid_response", "The login answer carried no authorization code.");
        }
        return code;
    }

    public Map<String, String> tokenRequest(String code) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri.toString());
        form.put("code_verifier", pkce.verifier());
        return form;
    }

    @Override
    public String toString() {
        return "AuthorizationRequest[redirectUri=" + redirectUri + "]";
    }
}
