package io.coditect.keycloak.license.seat;

import io.coditect.keycloak.license.api.Caller;
import java.util.LinkedHashMap;
import java.util.Map;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminAuth;
import org.keycloak.services.resources.admin.AdminEventBuilder;

/**
 * Seat activity as Keycloak admin events of resource type {@code CODITECT_SEAT}: they carry the
 * acting user, client and IP address, are stored when the realm saves admin events, and show in
 * the admin console's event list. (Keycloak 26 has no custom user-event type; see README.)
 * Details never include a license key or a token.
 */
public final class SeatAudit {

    public static final String RESOURCE = "CODITECT_SEAT";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final Caller caller;

    public SeatAudit(KeycloakSession session, RealmModel realm, Caller caller) {
        this.session = session;
        this.realm = realm;
        this.caller = caller;
    }

    public void record(String action, OperationType operation, String licenseId, String seatId,
            Map<String, Object> details) {
        Map<String, Object> rep = new LinkedHashMap<>();
        rep.put("action", action);
        rep.put("license_id", licenseId);
        if (seatId != null) {
            rep.put("session_id", seatId);
        }
        rep.putAll(details);
        AdminAuth auth = new AdminAuth(realm, caller.token(), caller.user(), caller.client());
        new AdminEventBuilder(realm, auth, session, session.getContext().getConnection())
                .operation(operation)
                .resource(RESOURCE)
                .resourcePath(seatId == null ? new String[] {"licenses", licenseId}
                        : new String[] {"licenses", licenseId, "sessions", seatId})
                .representation(rep)
                .success();
    }
}
