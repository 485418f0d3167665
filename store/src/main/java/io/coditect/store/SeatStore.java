package io.coditect.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Concurrent seats of licenses. Every method that changes state is atomic: N concurrent
 * acquires on a license with S free seats grant exactly S, across threads and across
 * processes sharing the same Redis.
 *
 * <p>Implementations throw {@link StoreUnavailableException} when the backing store cannot
 * be reached within its timeout; they never block longer than that.
 */
public interface SeatStore {

    /**
     * Takes a seat for {@code request.deviceId()} of {@code request.userId()}. Expired seats are
     * purged first. If that user and device already hold a live seat, it is returned (its
     * expiry refreshed and its Keycloak session id updated) and no new seat is taken.
     */
    AcquireResult acquire(SeatRequest request, Instant now);

    /** Pushes the seat's expiry to {@code now + ttl}, or says why it cannot. */
    HeartbeatResult heartbeat(String licenseId, String seatId, Duration ttl, Instant now);

    /** Finds a live seat. */
    Optional<Seat> find(String licenseId, String seatId, Instant now);

    /** Frees a seat normally (client release). Returns the seat that was freed, if any. */
    Optional<Seat> release(String licenseId, String seatId);

    /**
     * Frees a seat and leaves a tombstone for {@code tombstoneTtl}, so that the device's next
     * heartbeat learns it was revoked rather than expired.
     */
    Optional<Seat> revoke(String licenseId, String seatId, Duration tombstoneTtl);

    /** Whether the seat was revoked and its tombstone is still there. Changes nothing. */
    boolean isRevoked(String licenseId, String seatId);

    /** Live seats of the license, oldest first. */
    List<Seat> list(String licenseId, Instant now);
}
