package io.coditect.keycloak.license.resource;

import java.time.Clock;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;

public class LicenseResourceProvider implements RealmResourceProvider {

    private final KeycloakSession session;
    private final Clock clock;

    LicenseResourceProvider(KeycloakSession session, Clock clock) {
        this.session = session;
        this.clock = clock;
    }

    @Override
    public Object getResource() {
        return new LicenseResource(session, clock);
    }

    @Override
    public void close() {
    }
}
