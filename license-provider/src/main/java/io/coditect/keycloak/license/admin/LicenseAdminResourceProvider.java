package io.coditect.keycloak.license.admin;

import java.time.Clock;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

public class LicenseAdminResourceProvider implements AdminRealmResourceProvider {

    private final Clock clock;

    LicenseAdminResourceProvider(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Object getResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth,
            AdminEventBuilder adminEvent) {
        return new LicenseAdminResource(session, realm, auth, adminEvent, clock);
    }

    @Override
    public void close() {
    }
}
