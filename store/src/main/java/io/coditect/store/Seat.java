package io.coditect.store;

import java.time.Instant;

/**
 * One license seat: a device of a user holding one of a license's concurrent slots.
 * {@code seatId} is the {@code session_id} of the HTTP contract; {@code keycloakSessionId}
 * binds the seat to the Keycloak user session that acquired it, so the seat dies with it.
 */
public record Seat(
        String seatId,
        String licenseId,
        String userId,
        String deviceId,
        String deviceName,
        String keycloakSessionId,
        Instant createdAt,
        Instant lastHeartbeatAt,
        Instant expiresAt) {
}
