package io.coditect.keycloak.license.admin;

import java.time.Clock;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory;

/** Serves {@code /admin/realms/{realm}/licenses}. */
public class LicenseAdminResourceProviderFactory implements AdminRealmResourceProviderFactory {

    public static final String ID = "licenses";

    @Override
    public AdminRealmResourceProvider create(KeycloakSession session) {
        return new LicenseAdminResourceProvider(Clock.systemUTC());
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
