package io.coditect.keycloak.quota.auth;

import java.util.List;
import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;

/** Authenticator {@code coditect-otp-enrolment}: "Require TOTP enrolment". */
public class OtpEnrolmentFactory extends RequiredOrDisabledFactory {

    public static final String ID = "coditect-otp-enrolment";

    @Override
    public Authenticator create(KeycloakSession session) {
        return OtpEnrolment.SINGLETON;
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayType() {
        return "Require TOTP enrolment";
    }

    @Override
    public String getReferenceCategory() {
        return "otp";
    }

    @Override
    public String getHelpText() {
        return "Users without an OTP credential must set one up (CONFIGURE_TOTP) before the login completes.";
    }

    @Override
    public boolean isConfigurable() {
        return false;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }
}
