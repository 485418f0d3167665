package io.coditect.keycloak.license.resource;

import java.time.Clock;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/** Serves {@code /realms/{realm}/licenses}. */
public class LicenseResourceProviderFactory implements RealmResourceProviderFactory {

    public static final String ID = "licenses";

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new LicenseResourceProvider(session, Clock.systemUTC());
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

    @Override
    public String getId() {
        return ID;
    }
}
