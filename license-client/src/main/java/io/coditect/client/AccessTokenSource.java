package io.coditect.client;

/** Supplies bearer tokens to API calls, and a fresh one when the server answers 401. */
public interface AccessTokenSource {

    /**
     * @throws NotLoggedInException when there is no login
     * @throws LoginRevokedException when a needed refresh was refused (session revoked)
     */
    String accessToken();

    /**
     * Refreshes now, regardless of the stored expiry, and returns the new access token.
     *
     * @throws LoginRevokedException when the refresh token is refused with invalid_grant
     */
    String refreshAccessToken();
}
