package io.coditect.client;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Keeps the stored login usable: hands out the access token, refreshes it shortly before it
 * expires or when the server rejected it, and forgets the login once the refresh token is
 * refused (the Keycloak session is gone, so the tokens are useless).
 */
public final class TokenManager implements AccessTokenSource {

    // Refresh a little early, so a token does not expire between our check and the server's.
    private static final Duration EXPIRY_MARGIN = Duration.ofSeconds(30);

    private final TokenStore store;
    private final TokenEndpoint tokenEndpoint;
    private final Clock clock;

    public TokenManager(TokenStore store, TokenEndpoint tokenEndpoint, Clock clock) {
        this.store = store;
        this.tokenEndpoint = tokenEndpoint;
        this.clock = clock;
    }

    public Optional<TokenSet> current() {
        return store.load();
    }

    @Override
    public synchronized String accessToken() {
        TokenSet tokens = required();
        if (tokens.accessToken() == null
                || (tokens.refreshToken() != null && tokens.accessTokenExpiresWithin(EXPIRY_MARGIN, clock))) {
            return refresh(tokens).accessToken();
        }
        return tokens.accessToken();
    }

    @Override
    public synchronized String refreshAccessToken() {
        return refresh(required()).accessToken();
    }

    /** Refreshes and returns the whole new token set. */
    public synchronized TokenSet refresh() {
        return refresh(required());
    }

    private TokenSet refresh(TokenSet tokens) {
        if (tokens.refreshToken() == null) {
            throw new NotLoggedInException("The stored login has no refresh token; run 'coditect login'.");
        }
        try {
            TokenSet merged = tokens.mergedWith(tokenEndpoint.refresh(tokens.refreshToken()));
            store.save(merged);
            return merged;
        } catch (OAuthErrorException e) {
            if ("invalid_grant".equals(e.code())) {
                store.delete();
                throw new LoginRevokedException("Your login session was revoked or has expired"
                        + " (the server refused the refresh token); run 'coditect login'.");
            }
            throw e;
        }
    }

    private TokenSet required() {
        return store.load().orElseThrow(() -> new NotLoggedInException("Not logged in; run 'coditect login'."));
    }
}
