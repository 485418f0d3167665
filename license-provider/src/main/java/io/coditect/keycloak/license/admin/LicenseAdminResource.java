package io.coditect.keycloak.license.admin;

import io.coditect.keycloak.license.api.ApiError;
import io.coditect.keycloak.license.api.Endpoint;
import io.coditect.keycloak.license.api.Json;
import io.coditect.keycloak.license.api.JsonBody;
import io.coditect.keycloak.license.model.License;
import io.coditect.keycloak.license.model.LicenseKey;
import io.coditect.keycloak.license.model.LicenseStatus;
import io.coditect.keycloak.license.model.LicenseStore.LicenseChange;
import io.coditect.keycloak.license.model.Tier;
import io.coditect.keycloak.license.policy.TierPolicy;
import io.coditect.keycloak.license.policy.TierPolicyJson;
import io.coditect.keycloak.license.policy.TierPolicyStore;
import io.coditect.keycloak.license.seat.Seats;
import io.coditect.keycloak.license.tenant.TenantLicenses;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code /admin/realms/{realm}/licenses}: licenses, their seats and the tier policy. Guarded
 * like Keycloak's own realm endpoints: {@code view-realm} reads, {@code manage-realm} writes.
 * Every write is an admin event of resource type {@code CODITECT_LICENSE} (or
 * {@code CODITECT_POLICY}, {@code CODITECT_SEAT}), license keys masked.
 */
public class LicenseAdminResource {

    static final String LICENSE_RESOURCE = "CODITECT_LICENSE";
    static final String POLICY_RESOURCE = "CODITECT_POLICY";
    static final String SEAT_RESOURCE = io.coditect.keycloak.license.api.AuditTrail.SEAT;
    private static final int MAX_PAGE = 1000;

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;
    private final Clock clock;
    private final TenantLicenses licenses;

    LicenseAdminResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth,
            AdminEventBuilder adminEvent, Clock clock) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent;
        this.clock = clock;
        this.licenses = new TenantLicenses(session, realm, clock);
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(InputStream in) {
        return write(() -> {
            JsonBody body = JsonBody.read(in);
            rejectUnknown(body, List.of("tenant_id", "tier", "seats", "expires_at", "grace_period_days"));
            String tenantId = body.requiredString("tenant_id", 36);
            Tier tier = tier(body.requiredString("tier", 16));
            Integer seats = body.optionalInt("seats", 1, 100_000);
            if (seats == null) {
                throw ApiError.invalidRequest("Field 'seats' is required (1 to 100000).").exception();
            }
            Instant expiresAt = instant(body.optionalString("expires_at", 40), "expires_at");
            Integer grace = body.optionalInt("grace_period_days", 0, 365);
            OrganizationModel tenant = licenses.tenancy().byId(tenantId).orElseThrow(() -> ApiError
                    .notFound("tenant_not_found", "No organization with id " + tenantId + " in this realm.").exception());
            if (licenses.store().byTenant(tenant.getId()).isPresent()) {
                throw ApiError.of(409, "license_exists", "This tenant already has a license; update it instead.")
                        .exception();
            }
            License license;
            try {
                license = licenses.create(tenant, tier, seats, expiresAt, grace);
            } catch (PersistenceException | ModelDuplicateException e) {
                throw ApiError.of(409, "license_exists", "This tenant already has a license; update it instead.")
                        .exception();
            }
            event(OperationType.CREATE, LICENSE_RESOURCE, license, "licenses/" + license.id());
            return Json.status(201, Json.license(license, policy()))
                    .location(URI.create(session.getContext().getUri().getAbsolutePath() + "/" + license.id())).build();
        });
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(@QueryParam("tenant_id") String tenantId, @QueryParam("tier") String tier,
            @QueryParam("status") String status, @QueryParam("first") String first, @QueryParam("max") String max) {
        return read(() -> {
            Tier t = tier == null ? null : tier(tier);
            LicenseStatus s = status == null ? null : status(status);
            int from = pageParam(first, "first", 0, Integer.MAX_VALUE, 0);
            int size = pageParam(max, "max", 1, MAX_PAGE, 100);
            TierPolicy policy = policy();
            List<Map<String, Object>> page = licenses.store().search(tenantId, t, s, from, size).stream()
                    .map(l -> Json.license(l, policy)).toList();
            return Json.ok(page).build();
        });
    }

    @GET
    @Path("policy")
    @Produces(MediaType.APPLICATION_JSON)
    public Response getPolicy() {
        return read(() -> Json.ok(TierPolicyJson.write(policy())).build());
    }

    @PUT
    @Path("policy")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response putPolicy(InputStream in) {
        return write(() -> {
            JsonBody body = JsonBody.read(in);
            TierPolicy policy;
            try {
                policy = TierPolicyJson.parse(body.node());
            } catch (TierPolicyJson.InvalidPolicyException e) {
                throw ApiError.invalidRequest(e.getMessage()).exception();
            }
            TierPolicyStore.put(realm, policy);
            adminEvent.operation(OperationType.UPDATE).resource(POLICY_RESOURCE).resourcePath("licenses", "policy")
                    .representation(TierPolicyJson.write(policy)).success();
            return Json.ok(TierPolicyJson.write(policy)).build();
        });
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response get(@PathParam("id") String id) {
        return read(() -> Json.ok(Json.license(find(id), policy())).build());
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response update(@PathParam("id") String id, InputStream in) {
        return write(() -> {
            find(id);
            JsonBody body = JsonBody.read(in);
            rejectUnknown(body, List.of("tier", "seats", "status", "expires_at", "grace_period_days", "id",
                    "tenant_id", "license_key", "created_at", "updated_at", "grace_period_days_overridden"));
            Tier tier = body.has("tier") ? tier(body.requiredString("tier", 16)) : null;
            Integer seats = body.optionalInt("seats", 1, 100_000);
            LicenseStatus status = body.has("status") ? status(body.requiredString("status", 16)) : null;
            boolean clearExpiry = body.node().has("expires_at") && body.node().get("expires_at").isNull();
            Instant expiresAt = instant(body.optionalString("expires_at", 40), "expires_at");
            boolean clearGrace = body.node().has("grace_period_days") && body.node().get("grace_period_days").isNull();
            Integer grace = body.optionalInt("grace_period_days", 0, 365);
            License updated = licenses.update(id,
                    new LicenseChange(tier, seats, status, expiresAt, clearExpiry, grace, clearGrace)).orElseThrow();
            event(OperationType.UPDATE, LICENSE_RESOURCE, updated, "licenses/" + id);
            return Json.ok(Json.license(updated, policy())).build();
        });
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        return write(() -> {
            License license = find(id);
            seats().revokeAll(license);
            licenses.delete(id);
            event(OperationType.DELETE, LICENSE_RESOURCE, license, "licenses/" + id);
            return Response.noContent().build();
        });
    }

    @GET
    @Path("{id}/sessions")
    @Produces(MediaType.APPLICATION_JSON)
    public Response sessions(@PathParam("id") String id) {
        return read(() -> {
            License license = find(id);
            List<Map<String, Object>> seats = seats().list(license).stream().map(s -> Json.seat(s, null)).toList();
            return Json.ok(Map.of("sessions", seats)).build();
        });
    }

    @DELETE
    @Path("{id}/sessions/{session_id}")
    public Response revokeSession(@PathParam("id") String id, @PathParam("session_id") String sessionId) {
        return write(() -> {
            License license = find(id);
            if (seats().revoke(license, sessionId).isEmpty()) {
                throw ApiError.notFound("session_not_found", "No live session " + sessionId + " on this license.")
                        .exception();
            }
            Map<String, Object> rep = new LinkedHashMap<>();
            rep.put("license_id", license.id());
            rep.put("session_id", sessionId);
            adminEvent.operation(OperationType.DELETE).resource(SEAT_RESOURCE)
                    .resourcePath("licenses", license.id(), "sessions", sessionId).representation(rep).success();
            return Response.noContent().build();
        });
    }

    private Seats seats() {
        return new Seats(session, realm, clock);
    }

    private Response read(Supplier<Response> action) {
        return Endpoint.call(() -> {
            auth.realm().requireViewRealm();
            return action.get();
        });
    }

    private Response write(Supplier<Response> action) {
        return Endpoint.call(() -> {
            auth.realm().requireManageRealm();
            return action.get();
        });
    }

    private License find(String id) {
        return licenses.store().byId(id).orElseThrow(
                () -> ApiError.notFound("license_not_found", "No license with this id in this realm.").exception());
    }

    private TierPolicy policy() {
        return TierPolicyStore.get(realm);
    }

    private void event(OperationType op, String resource, License license, String path) {
        Map<String, Object> rep = Json.license(license, policy());
        rep.put("license_key", LicenseKey.masked(license.licenseKey()));
        adminEvent.operation(op).resource(resource).resourcePath(path.split("/")).representation(rep).success();
    }

    private static Tier tier(String value) {
        return Tier.parse(value).orElseThrow(() -> ApiError
                .invalidRequest("Unknown tier '" + value + "'; expected FREE, PRO or ENTERPRISE.").exception());
    }

    private static LicenseStatus status(String value) {
        return LicenseStatus.parse(value).orElseThrow(() -> ApiError
                .invalidRequest("Unknown status '" + value + "'; expected ACTIVE, SUSPENDED or REVOKED.").exception());
    }

    private static Instant instant(String value, String field) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiError.invalidRequest("Field '" + field + "' must be an ISO-8601 UTC time such as 2027-01-31T00:00:00Z.")
                    .exception();
        }
    }

    private static int pageParam(String value, String name, int min, int max, int fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiError.invalidRequest("Query parameter '" + name + "' must be an integer from " + min + " to " + max + ".")
                .exception();
    }

    private static void rejectUnknown(JsonBody body, List<String> known) {
        body.node().fieldNames().forEachRemaining(f -> {
            if (!known.contains(f)) {
                throw ApiError.invalidRequest("Unknown field '" + f + "'.").exception();
            }
        });
    }
}
