package io.coditect.keycloak.license.events;

import io.coditect.keycloak.license.seat.Seats;
import io.coditect.keycloak.license.tenant.TenantLicenses;
import java.time.Clock;
import java.util.Set;
import org.jboss.logging.Logger;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Keeps tenancy and seats in step with what happens in Keycloak:
 * <ul>
 * <li>REGISTER: a self-registered user gets a personal tenant with a FREE license, in the
 * registration's own transaction (users invited into an organization are members already and
 * get none);</li>
 * <li>logins: the same, as an idempotent repair, so no user is left without a tenant;</li>
 * <li>LOGOUT (also emitted per session revoked in the account console or account API) and an
 * admin's user logout: the seats of the ended sessions are revoked.</li>
 * </ul>
 * A failure here is logged and never breaks the login: tenancy is repaired at the next one.
 */
public class LicenseEventListener implements EventListenerProvider {

    private static final Logger LOG = Logger.getLogger(LicenseEventListener.class);
    private static final Set<EventType> TENANCY_EVENTS = Set.of(EventType.REGISTER, EventType.LOGIN,
            EventType.OAUTH2_DEVICE_VERIFY_USER_CODE, EventType.CODE_TO_TOKEN);

    private final KeycloakSession session;
    private final Clock clock;

    LicenseEventListener(KeycloakSession session, Clock clock) {
        this.session = session;
        this.clock = clock;
    }

    @Override
    public void onEvent(Event event) {
        if (event.getError() != null || event.getUserId() == null) {
            return;
        }
        RealmModel realm = session.realms().getRealm(event.getRealmId());
        if (realm == null) {
            return;
        }
        UserModel user = session.users().getUserById(realm, event.getUserId());
        if (user == null) {
            return;
        }
        if (TENANCY_EVENTS.contains(event.getType())) {
            TenantLicenses licenses = new TenantLicenses(session, realm, clock);
            licenses.ensurePersonalTenant(user).ifPresent(l ->
                    LOG.infof("Realm %s: created personal tenant %s with a FREE license for user %s",
                            realm.getName(), l.tenantId(), user.getId()));
        } else if (event.getType() == EventType.LOGOUT && event.getSessionId() != null) {
            revokeSeatsOfEndedSessions(realm, user);
        }
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
        if (event.getOperationType() != OperationType.ACTION || event.getResourceType() != ResourceType.USER
                || event.getResourcePath() == null || !event.getResourcePath().endsWith("/logout")) {
            return;
        }
        RealmModel realm = session.realms().getRealm(event.getRealmId());
        String[] path = event.getResourcePath().split("/");
        if (realm == null || path.length != 3) {
            return;
        }
        UserModel user = session.users().getUserById(realm, path[1]);
        if (user != null) {
            revokeSeatsOfEndedSessions(realm, user);
        }
    }

    private void revokeSeatsOfEndedSessions(RealmModel realm, UserModel user) {
        try {
            new TenantLicenses(session, realm, clock).forUser(user).ifPresent(tl -> {
                // list() revokes every seat whose Keycloak session is gone.
                new Seats(session, realm, clock).list(tl.license());
            });
        } catch (RuntimeException e) {
            // Redis down: the seats are checked again lazily at the next acquire or heartbeat.
            LOG.warnf("Realm %s: could not revoke the seats of ended sessions of user %s now: %s",
                    realm.getName(), user.getId(), e.getMessage());
        }
    }

    @Override
    public void close() {
    }
}
