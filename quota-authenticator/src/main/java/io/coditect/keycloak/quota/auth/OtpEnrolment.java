package io.coditect.keycloak.quota.auth;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;

/**
 * Makes a user without TOTP enrol (Keycloak's own CONFIGURE_TOTP required action) before the
 * login completes. Placed after the tier condition, it turns "ENTERPRISE requires TOTP" into
 * Keycloak's standard enrolment page, while users who have TOTP go through the ordinary
 * conditional OTP step (OTP form, or a recovery code as the other way).
 */
public final class OtpEnrolment implements Authenticator {

    static final OtpEnrolment SINGLETON = new OtpEnrolment();

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        UserModel user = context.getUser();
        if (!user.credentialManager().isConfiguredFor(OTPCredentialModel.TYPE)) {
            user.addRequiredAction(UserModel.RequiredAction.CONFIGURE_TOTP);
        }
        context.success();
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        context.success();
    }

    @Override
    public boolean requiresUser() {
        return true;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
    }

    @Override
    public void close() {
    }
}
