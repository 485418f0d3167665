package io.coditect.keycloak.license.api;

import java.util.LinkedHashMap;
import java.util.Map;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminAuth;
import org.keycloak.services.resources.admin.AdminEventBuilder;

/**
 * What users do with seats and quota, as Keycloak admin events of a CODITECT resource type
 * ({@code CODITECT_SEAT}, {@code CODITECT_QUOTA}): they carry the acting user, client and IP
 * address, are stored when the realm saves admin events, and show in the admin console's event
 * list. (Keycloak 26 has no custom user-event type; see README.) Details never include a license
 * key or a token.
 */
public final class AuditTrail {

    public static final String SEAT = "CODITECT_SEAT";
    public static final String QUOTA = "CODITECT_QUOTA";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final Caller caller;

    public AuditTrail(KeycloakSession session, RealmModel realm, Caller caller) {
        this.session = session;
        this.realm = realm;
        this.caller = caller;
    }

    /** A seat event; {@code seatId} may be null (e.g. a refused acquire). */
    public void seat(String action, OperationType operation, String licenseId, String seatId,
            Map<String, Object> details) {
        Map<String, Object> rep = new LinkedHashMap<>();
        rep.put("action", action);
        rep.put("license_id", licenseId);
        if (seatId != null) {
            rep.put("session_id", seatId);
        }
        rep.putAll(details);
        record(SEAT, operation, rep, seatId == null ? new String[] {"licenses", licenseId}
                : new String[] {"licenses", licenseId, "sessions", seatId});
    }

    /** A quota event of the calling user. */
    public void quota(String action, Map<String, Object> details) {
        Map<String, Object> rep = new LinkedHashMap<>();
        rep.put("action", action);
        rep.put("user_id", caller.user().getId());
        rep.putAll(details);
        record(QUOTA, OperationType.ACTION, rep, new String[] {"quota", "users", caller.user().getId()});
    }

    private void record(String resource, OperationType operation, Map<String, Object> rep, String[] path) {
        AdminAuth auth = new AdminAuth(realm, caller.token(), caller.user(), caller.client());
        new AdminEventBuilder(realm, auth, session, session.getContext().getConnection())
                .operation(operation)
                .resource(resource)
                .resourcePath(path)
                .representation(rep)
                .success();
    }
}
