package io.coditect.keycloak.license.api;

import io.coditect.keycloak.license.model.License;
import io.coditect.keycloak.license.policy.TierPolicy;
import io.coditect.store.Seat;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON shapes of the HTTP contract (snake_case, ISO-8601 UTC timestamps). */
public final class Json {

    // Keycloak's own mapper leaves out null fields; the contract shows them ("limit": null).
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    /** A 200 whose JSON body keeps null fields. */
    public static Response.ResponseBuilder ok(Object body) {
        return status(200, body);
    }

    public static Response.ResponseBuilder status(int status, Object body) {
        try {
            return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(MAPPER.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot render a response body", e);
        }
    }

    public static String time(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    public static Map<String, Object> license(License l, TierPolicy policy) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", l.id());
        m.put("tenant_id", l.tenantId());
        m.put("license_key", l.licenseKey());
        m.put("tier", l.tier().name());
        m.put("seats", l.seats());
        m.put("status", l.status().name());
        m.put("expires_at", time(l.expiresAt()));
        m.put("grace_period_days", l.gracePeriodDays() != null ? l.gracePeriodDays()
                : policy.rules(l.tier()).gracePeriodDays());
        m.put("grace_period_days_overridden", l.gracePeriodDays() != null);
        m.put("created_at", time(l.createdAt()));
        m.put("updated_at", time(l.updatedAt()));
        return m;
    }

    public static Map<String, Object> seat(Seat s, String currentSeatId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("session_id", s.seatId());
        m.put("device_id", s.deviceId());
        m.put("device_name", s.deviceName());
        m.put("user_id", s.userId());
        m.put("created_at", time(s.createdAt()));
        m.put("last_heartbeat_at", time(s.lastHeartbeatAt()));
        m.put("expires_at", time(s.expiresAt()));
        if (currentSeatId != null) {
            m.put("current", s.seatId().equals(currentSeatId));
        }
        return m;
    }
}
