package io.coditect.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;

/** A heartbeat answer: the seat lives on, with a fresh lease so the grace counts from now. */
public record HeartbeatResult(String status, Duration nextHeartbeatIn, String lease,
                              Instant leaseExpiresAt, Instant serverTime) {

    public static HeartbeatResult from(JsonNode body) {
        Long next = Json.longValue(body, "next_heartbeat_in");
        return new HeartbeatResult(
                Json.text(body, "status"),
                next == null || next <= 0 ? null : Duration.ofSeconds(next),
                Json.text(body, "lease"),
                Json.instant(body, "lease_expires_at"),
                Json.instant(body, "server_time"));
    }

    @Override
    public String toString() {
        return "HeartbeatResult[status=" + status + ", leaseExpiresAt=" + leaseExpiresAt + "]";
    }
}
