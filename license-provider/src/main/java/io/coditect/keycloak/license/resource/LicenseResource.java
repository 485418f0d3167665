package io.coditect.keycloak.license.resource;

import com.fasterxml.jackson.databind.JsonNode;
import io.coditect.keycloak.license.api.ApiError;
import io.coditect.keycloak.license.api.AuditTrail;
import io.coditect.keycloak.license.api.BearerAuth;
import io.coditect.keycloak.license.api.Caller;
import io.coditect.keycloak.license.api.Endpoint;
import io.coditect.keycloak.license.api.Json;
import io.coditect.keycloak.license.api.JsonBody;
import io.coditect.keycloak.license.model.License;
import io.coditect.keycloak.license.policy.TierPolicyStore;
import io.coditect.keycloak.license.policy.TierRules;
import io.coditect.keycloak.license.seat.Lease;
import io.coditect.keycloak.license.seat.LeaseSigner;
import io.coditect.keycloak.license.seat.SeatTtl;
import io.coditect.keycloak.license.seat.Seats;
import io.coditect.keycloak.license.tenant.LicenseSummary;
import io.coditect.keycloak.license.tenant.TenantLicenses;
import io.coditect.keycloak.license.tenant.TenantLicenses.TenantLicense;
import io.coditect.store.AcquireResult;
import io.coditect.store.HeartbeatResult;
import io.coditect.store.Seat;
import io.coditect.store.SeatRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * {@code /realms/{realm}/licenses}: the seat lifecycle of DESIGN §5 "Licenses".
 *
 * <p>A seat is bound to the Keycloak session that acquired it. When that session ends, its
 * access tokens are refused here with 401 {@code invalid_token} (the client's refresh then
 * fails too, and it must stop), and the seat is revoked: a later heartbeat or reconnect for it,
 * with a token of a new session, gets 403 {@code session_revoked}.
 */
public class LicenseResource {

    private static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final int MAX_SESSION_ID = 64;

    private final KeycloakSession session;
    private final RealmModel realm;
    private final Clock clock;

    public LicenseResource(KeycloakSession session, Clock clock) {
        this.session = session;
        this.realm = session.getContext().getRealm();
        this.clock = clock;
    }

    @POST
    @Path("acquire")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response acquire(InputStream in) {
        return Endpoint.call(() -> {
            Caller caller = BearerAuth.require(session);
            JsonBody body = JsonBody.read(in);
            String deviceId = deviceId(body.requiredString("device_id", 128));
            String deviceName = body.optionalString("device_name", 128);
            body.optionalString("client_version", 64);
            TenantLicense tl = usableLicense(caller);
            return Json.ok(grant(caller, tl.license(), deviceId, deviceName, "acquire", null)).build();
        });
    }

    @POST
    @Path("heartbeat")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response heartbeat(InputStream in) {
        return Endpoint.call(() -> {
            Caller caller = BearerAuth.require(session);
            String seatId = sessionId(JsonBody.read(in));
            License license = licenseForSeat(caller);
            Seats seats = seats();
            Seat seat = ownSeat(caller, license, seatId, seats);
            AuditTrail audit = new AuditTrail(session, realm, caller);
            if (!seats.keycloakSessionActive(seat.keycloakSessionId())) {
                seats.revoke(license, seatId);
                audit.seat("heartbeat_dead_seat", OperationType.ACTION, license.id(), seatId,
                        Map.of("reason", "keycloak_session_ended"));
                throw sessionRevoked();
            }
            TierRules rules = rules(license);
            Instant now = clock.instant();
            HeartbeatResult result = seats.store().heartbeat(license.id(), seatId,
                    SeatTtl.seat(rules.heartbeatInterval()), now);
            if (result instanceof HeartbeatResult.Revoked) {
                audit.seat("heartbeat_dead_seat", OperationType.ACTION, license.id(), seatId,
                        Map.of("reason", "revoked"));
                throw sessionRevoked();
            }
            if (result instanceof HeartbeatResult.NotFound) {
                audit.seat("heartbeat_dead_seat", OperationType.ACTION, license.id(), seatId,
                        Map.of("reason", "expired"));
                throw sessionNotFound();
            }
            Lease lease = signer().sign(license, caller.user().getId(), caller.clientId(), seat.deviceId(), seatId,
                    grace(license, rules), now);
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("status", "ok");
            answer.put("next_heartbeat_in", rules.heartbeatInterval());
            answer.put("lease", lease.jws());
            answer.put("lease_expires_at", Json.time(lease.expiresAt()));
            answer.put("server_time", Json.time(now));
            return Json.ok(answer).build();
        });
    }

    @POST
    @Path("reconnect")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response reconnect(InputStream in) {
        return Endpoint.call(() -> {
            Caller caller = BearerAuth.require(session);
            JsonBody body = JsonBody.read(in);
            String leaseJws = body.requiredString("lease", 8192);
            String deviceId = deviceId(body.requiredString("device_id", 128));
            JsonNode claims = signer().verify(leaseJws).orElseThrow(LicenseResource::invalidLease);
            TenantLicense tl = usableLicense(caller);
            if (!caller.user().getId().equals(claims.path("sub").asText(null))
                    || !deviceId.equals(claims.path("device_id").asText(null))
                    || !tl.license().id().equals(claims.path("license_id").asText(null))) {
                throw invalidLease();
            }
            String previousSeat = claims.path("sid").asText(null);
            if (previousSeat != null && isRevoked(tl.license(), previousSeat)) {
                throw sessionRevoked();
            }
            long offlineSeconds = Math.max(0, clock.instant().getEpochSecond() - claims.path("iat").asLong(0));
            Map<String, Object> answer = grant(caller, tl.license(), deviceId, null, "reconnect",
                    Map.of("offline_seconds", offlineSeconds));
            answer.put("offline_seconds", offlineSeconds);
            return Json.ok(answer).build();
        });
    }

    @POST
    @Path("release")
    @Consumes(MediaType.WILDCARD)
    public Response release(InputStream in) {
        return Endpoint.call(() -> {
            Caller caller = BearerAuth.require(session);
            String seatId = sessionId(JsonBody.read(in));
            License license = licenseForSeat(caller);
            Seats seats = seats();
            ownSeat(caller, license, seatId, seats);
            seats.store().release(license.id(), seatId);
            new AuditTrail(session, realm, caller).seat("release", OperationType.DELETE, license.id(), seatId,
                    Map.of());
            return Response.noContent().build();
        });
    }

    @GET
    @Path("sessions")
    @Produces(MediaType.APPLICATION_JSON)
    public Response sessions() {
        return Endpoint.call(() -> {
            Caller caller = BearerAuth.require(session);
            TenantLicense tl = licenses().forUser(caller.user()).orElseThrow(LicenseResource::noLicense);
            boolean all = tl.membership().managesLicense();
            String current = caller.userSession().getId();
            List<Map<String, Object>> visible = seats().list(tl.license()).stream()
                    .filter(s -> all || caller.user().getId().equals(s.userId()))
                    .map(s -> {
                        Map<String, Object> m = Json.seat(s, null);
                        m.put("current", current.equals(s.keycloakSessionId()));
                        return m;
                    })
                    .toList();
            return Json.ok(Map.of("sessions", visible)).build();
        });
    }

    @DELETE
    @Path("sessions/{id}")
    public Response revoke(@PathParam("id") String seatId) {
        return Endpoint.call(() -> {
            Caller caller = BearerAuth.require(session);
            TenantLicense tl = licenses().forUser(caller.user()).orElseThrow(LicenseResource::noLicense);
            Seats seats = seats();
            Optional<Seat> seat = validSessionId(seatId)
                    ? seats.store().find(tl.license().id(), seatId, clock.instant()) : Optional.empty();
            boolean allowed = seat.isPresent() && (tl.membership().managesLicense()
                    || caller.user().getId().equals(seat.get().userId()));
            if (!allowed) {
                throw sessionNotFound();
            }
            seats.revoke(tl.license(), seatId);
            new AuditTrail(session, realm, caller).seat("revoke", OperationType.DELETE, tl.license().id(), seatId,
                    Map.of("device_id", seat.get().deviceId(), "seat_user_id", seat.get().userId()));
            return Response.noContent().build();
        });
    }

    /** Takes (or finds again) a seat and answers like acquire; FREE holds no seat. */
    private Map<String, Object> grant(Caller caller, License license, String deviceId, String deviceName,
            String action, Map<String, Object> auditDetails) {
        TierRules rules = rules(license);
        Instant now = clock.instant();
        Map<String, Object> answer = new LinkedHashMap<>();
        if (!license.tier().paid()) {
            answer.put("mode", "offline");
            answer.put("tier", license.tier().name());
            answer.put("grace_period_days", grace(license, rules).toDays());
            answer.put("server_time", Json.time(now));
            return answer;
        }
        Seats seats = seats();
        seats.list(license); // revokes seats of ended Keycloak sessions before counting
        SeatRequest request = new SeatRequest(license.id(), caller.user().getId(), deviceId, deviceName,
                caller.userSession().getId(), license.seats(), SeatTtl.seat(rules.heartbeatInterval()));
        AcquireResult result = seats.store().acquire(request, now);
        AuditTrail audit = new AuditTrail(session, realm, caller);
        if (result instanceof AcquireResult.Exhausted exhausted) {
            audit.seat("seat_refused", OperationType.ACTION, license.id(), null,
                    Map.of("device_id", deviceId, "seats_max", license.seats()));
            List<Map<String, Object>> own = exhausted.active().stream()
                    .filter(s -> caller.user().getId().equals(s.userId()))
                    .map(s -> Json.seat(s, null)).toList();
            throw ApiError.of(409, "seats_exhausted", "All " + license.seats()
                    + " seats of this license are in use. Release a seat on another device, or revoke one.")
                    .with("seats", Map.of("used", exhausted.active().size(), "max", license.seats()))
                    .with("sessions", own).exception();
        }
        AcquireResult.Granted granted = (AcquireResult.Granted) result;
        Seat seat = granted.seat();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("device_id", deviceId);
        details.put("reused", granted.reused());
        if (auditDetails != null) {
            details.putAll(auditDetails);
        }
        audit.seat(action, OperationType.CREATE, license.id(), seat.seatId(), details);
        Lease lease = signer().sign(license, caller.user().getId(), caller.clientId(), deviceId, seat.seatId(),
                grace(license, rules), now);
        answer.put("mode", "online");
        answer.put("tier", license.tier().name());
        answer.put("session_id", seat.seatId());
        answer.put("heartbeat_interval", rules.heartbeatInterval());
        answer.put("grace_period_days", grace(license, rules).toDays());
        answer.put("lease", lease.jws());
        answer.put("lease_expires_at", Json.time(lease.expiresAt()));
        answer.put("server_time", Json.time(now));
        answer.put("seats", Map.of("used", granted.used(), "max", license.seats()));
        return answer;
    }

    private TenantLicense usableLicense(Caller caller) {
        TenantLicense tl = licenses().forUser(caller.user()).orElseThrow(LicenseResource::noLicense);
        refuseUnusable(tl.license());
        return tl;
    }

    /** The caller's license for an existing seat: revoked/suspended/expired stop the client. */
    private License licenseForSeat(Caller caller) {
        License license = licenses().forUser(caller.user()).orElseThrow(LicenseResource::sessionNotFound).license();
        refuseUnusable(license);
        return license;
    }

    private void refuseUnusable(License license) {
        LicenseSummary.of(license).refusal(clock.instant()).ifPresent(error -> {
            throw error.exception();
        });
    }

    private Seat ownSeat(Caller caller, License license, String seatId, Seats seats) {
        Optional<Seat> seat = seats.store().find(license.id(), seatId, clock.instant());
        if (seat.isEmpty()) {
            if (isRevoked(license, seatId)) {
                throw sessionRevoked();
            }
            throw sessionNotFound();
        }
        if (!caller.user().getId().equals(seat.get().userId())) {
            throw sessionNotFound(); // someone else's seat: not yours to see
        }
        return seat.get();
    }

    private boolean isRevoked(License license, String seatId) {
        return seats().store().isRevoked(license.id(), seatId);
    }

    private static String sessionId(JsonBody body) {
        String id = body.requiredString("session_id", MAX_SESSION_ID);
        if (!validSessionId(id)) {
            throw ApiError.invalidRequest("Field 'session_id' is not a session id.").exception();
        }
        return id;
    }

    private static boolean validSessionId(String id) {
        return id != null && id.length() <= MAX_SESSION_ID && DEVICE_ID.matcher(id).matches();
    }

    private static String deviceId(String id) {
        if (!DEVICE_ID.matcher(id).matches()) {
            throw ApiError.invalidRequest("Field 'device_id' may only hold letters, digits and . _ : -").exception();
        }
        return id;
    }

    private Duration grace(License license, TierRules rules) {
        return Duration.ofDays(license.gracePeriodDays() != null ? license.gracePeriodDays() : rules.gracePeriodDays());
    }

    private TierRules rules(License license) {
        return TierPolicyStore.get(realm).rules(license.tier());
    }

    private TenantLicenses licenses() {
        return new TenantLicenses(session, realm, clock);
    }

    private Seats seats() {
        return new Seats(session, realm, clock);
    }

    private LeaseSigner signer() {
        return new LeaseSigner(session, realm);
    }

    private static RuntimeException noLicense() {
        return ApiError.notFound("no_license", "Your tenant has no CODITECT license.").exception();
    }

    private static RuntimeException sessionNotFound() {
        return ApiError.notFound("session_not_found", "No such license session; acquire a seat again.").exception();
    }

    private static RuntimeException sessionRevoked() {
        return ApiError.of(403, "session_revoked", "This license session was revoked. Stop and sign in again.")
                .exception();
    }

    private static RuntimeException invalidLease() {
        return ApiError.of(400, "invalid_lease", "The lease is not a valid lease of this realm for this user and device.")
                .exception();
    }
}
