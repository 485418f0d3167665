package io.coditect.keycloak.license.events;

import io.coditect.keycloak.license.model.License;
import io.coditect.keycloak.license.model.LicenseStore;
import io.coditect.keycloak.license.seat.Seats;
import java.time.Clock;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderEvent;
import org.keycloak.provider.ProviderEventListener;

/**
 * Keeps no license without its tenant: removing an organization deletes its license (and revokes
 * its seats), removing a realm deletes all of the realm's licenses, in the same transaction as
 * the removal. Registered for every realm, whether or not it enables our event listener.
 */
final class TenantCleanup implements ProviderEventListener {

    private static final Logger LOG = Logger.getLogger(TenantCleanup.class);

    @Override
    public void onEvent(ProviderEvent event) {
        if (event instanceof OrganizationModel.OrganizationRemovedEvent removed) {
            KeycloakSession session = removed.getKeycloakSession();
            RealmModel realm = session.getContext().getRealm();
            if (realm != null) {
                deleteLicenseOf(session, realm, removed.getOrganization());
            }
        } else if (event instanceof RealmModel.RealmRemovedEvent removed) {
            new LicenseStore(removed.getKeycloakSession(), removed.getRealm()).deleteAllOfRealm();
        }
    }

    private static void deleteLicenseOf(KeycloakSession session, RealmModel realm, OrganizationModel tenant) {
        LicenseStore store = new LicenseStore(session, realm);
        Optional<License> license = store.byTenant(tenant.getId());
        license.ifPresent(l -> {
            try {
                new Seats(session, realm, Clock.systemUTC()).revokeAll(l);
            } catch (RuntimeException e) {
                // Seats expire by themselves; the license row must go regardless.
                LOG.warnf("Realm %s: could not revoke the seats of deleted tenant %s now: %s", realm.getName(),
                        tenant.getId(), e.getMessage());
            }
            store.delete(l.id());
            LOG.infof("Realm %s: deleted the license of removed tenant %s", realm.getName(), tenant.getId());
        });
    }
}
