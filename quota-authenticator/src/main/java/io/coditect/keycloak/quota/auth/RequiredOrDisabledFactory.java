package io.coditect.keycloak.quota.auth;

import org.keycloak.Config;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * What our authenticator factories share: they are either REQUIRED or DISABLED in a flow, offer
 * no user set-up of their own, and read no server configuration (their settings are per
 * execution, in the flow's authenticator config).
 */
abstract class RequiredOrDisabledFactory implements AuthenticatorFactory {

    private static final Requirement[] CHOICES = {Requirement.REQUIRED, Requirement.DISABLED};

    @Override
    public Requirement[] getRequirementChoices() {
        return CHOICES;
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }
}
