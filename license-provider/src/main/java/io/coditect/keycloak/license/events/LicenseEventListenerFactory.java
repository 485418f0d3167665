package io.coditect.keycloak.license.events;

import java.time.Clock;
import org.keycloak.Config;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * Event listener {@code coditect-license}. Enable it in the realm's event listeners (the
 * shipped realm does); it is not global, so other realms are left alone.
 */
public class LicenseEventListenerFactory implements EventListenerProviderFactory {

    public static final String ID = "coditect-license";

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new LicenseEventListener(session, Clock.systemUTC());
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(new TenantCleanup());
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return ID;
    }
}
