package io.coditect.store;

import java.time.Duration;

/**
 * What an acquire asks for. {@code licenseId} scopes every key (and is the Redis Cluster
 * hash tag), {@code maxSeats} is the license's seat count at the time of the call, and
 * {@code ttl} how long the seat lives without a heartbeat.
 *
 * <p>{@code deviceName} and {@code keycloakSessionId} may be null; everything else is required.
 */
public record SeatRequest(
        String licenseId,
        String userId,
        String deviceId,
        String deviceName,
        String keycloakSessionId,
        int maxSeats,
        Duration ttl) {

    public SeatRequest {
        requireText(licenseId, "licenseId");
        requireText(userId, "userId");
        requireText(deviceId, "deviceId");
        // Both stores keep times in milliseconds; a sub-millisecond TTL would be a seat that never lives.
        Ttl.millis(ttl, "ttl");
        if (maxSeats < 0) {
            throw new IllegalArgumentException("maxSeats must not be negative");
        }
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}
