package io.coditect.client;

/**
 * The refresh token was refused with {@code invalid_grant}: the Keycloak session behind the
 * login was revoked (logout elsewhere, admin action, "sign out all devices"). The license
 * state machine treats this as REVOKED: the user must log in again.
 */
public class LoginRevokedException extends CoditectException {

    public LoginRevokedException(String message) {
        super("login_revoked", message, null);
    }
}
