package io.coditect.store;

import java.time.Duration;

/**
 * What an acquire asks for. {@code licenseId} scopes every key (and is the Redis Cluster
 * hash tag), {@code maxSeats} is the license's seat count at the time of the call, and
 * {@code ttl} how long the seat lives without a heartbeat.
 */
public record SeatRequest(
        String licenseId,
        String userId,
        String deviceId,
        String deviceName,
        String keycloakSessionId,
        int maxSeats,
        Duration ttl) {
}
