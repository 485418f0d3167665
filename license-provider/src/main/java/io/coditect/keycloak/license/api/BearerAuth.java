package io.coditect.keycloak.license.api;

import jakarta.ws.rs.WebApplicationException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.managers.AppAuthManager;
import org.keycloak.services.managers.AuthenticationManager.AuthResult;

/**
 * Authenticates the bearer token of a realm endpoint with Keycloak's own checks: signature
 * with the realm's keys, issuer (so another realm's token fails), expiry, token type, and an
 * active user session (so a revoked or logged-out session's token fails at once), then refuses
 * users whose email is not verified.
 */
public final class BearerAuth {

    private BearerAuth() {
    }

    public static Caller require(KeycloakSession session) {
        AuthResult result;
        try {
            result = new AppAuthManager.BearerTokenAuthenticator(session).authenticate();
        } catch (WebApplicationException | IllegalArgumentException e) {
            // e.g. a malformed Authorization header: same answer as no token
            result = null;
        }
        if (result == null || result.user() == null || result.session() == null) {
            throw ApiError.invalidToken("A valid access token of this realm, from an active session, is required.")
                    .exception();
        }
        if (!result.user().isEmailVerified()) {
            throw ApiError.of(403, "email_not_verified",
                    "Verify your email address first: follow the link in the email we sent you.").exception();
        }
        return new Caller(result.user(), result.session(), result.token(), result.client());
    }
}
