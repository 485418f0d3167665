package io.coditect.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;

/**
 * The answer to acquire or reconnect: either an online seat with a lease, or (FREE tier)
 * {@code mode: "offline"} with no seat and no lease.
 */
public record LicenseGrant(
        String mode,
        String tier,
        String sessionId,
        Duration heartbeatInterval,
        Integer gracePeriodDays,
        String lease,
        Instant leaseExpiresAt,
        Instant serverTime,
        Integer seatsUsed,
        Integer seatsMax,
        Long offlineSeconds) {

    public static LicenseGrant from(JsonNode body) {
        Long interval = Json.longValue(body, "heartbeat_interval");
        Long grace = Json.longValue(body, "grace_period_days");
        JsonNode seats = body.path("seats");
        Long used = Json.longValue(seats, "used");
        Long max = Json.longValue(seats, "max");
        return new LicenseGrant(
                Json.text(body, "mode"),
                Json.text(body, "tier"),
                Json.text(body, "session_id"),
                interval == null || interval <= 0 ? null : Duration.ofSeconds(interval),
                grace == null ? null : grace.intValue(),
                Json.text(body, "lease"),
                Json.instant(body, "lease_expires_at"),
                Json.instant(body, "server_time"),
                used == null ? null : used.intValue(),
                max == null ? null : max.intValue(),
                Json.longValue(body, "offline_seconds"));
    }

    /** FREE tier: licensed without a seat, nothing to keep alive. */
    public boolean isSeatless() {
        return "offline".equals(mode) || sessionId == null;
    }

    @Override
    public String toString() {
        return "LicenseGrant[mode=" + mode + ", tier=" + tier + ", sessionId=" + sessionId
                + ", leaseExpiresAt=" + leaseExpiresAt + "]";
    }
}
