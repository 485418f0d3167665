package io.coditect.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** One seat in use, from {@code GET /licenses/sessions}. */
public record SeatSession(String sessionId, String deviceId, String deviceName, String userId,
                          Instant createdAt, Instant lastHeartbeatAt, Instant expiresAt, boolean current) {

    public static SeatSession from(JsonNode node) {
        return new SeatSession(
                Json.text(node, "session_id"),
                Json.text(node, "device_id"),
                Json.text(node, "device_name"),
                Json.text(node, "user_id"),
                Json.instant(node, "created_at"),
                Json.instant(node, "last_heartbeat_at"),
                Json.instant(node, "expires_at"),
                node.path("current").asBoolean(false));
    }
}
