package io.coditect.store;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The seats and revocation tombstones of one license, for {@link InMemorySeatStore}. Not
 * thread-safe: the store runs every operation of a license under that license's lock.
 *
 * <p>Seat liveness is judged against the caller's {@code now}; tombstones against the store's
 * clock, because revoke is not given a {@code now} (in Redis a tombstone is a key with a TTL,
 * which also runs on the server's own clock).
 */
final class LicenseSeats {

    private final Map<String, Seat> seats = new HashMap<>();
    private final Map<String, Instant> tombstoneEnds = new HashMap<>();

    AcquireResult acquire(SeatRequest request, Instant now, String newSeatId) {
        purgeExpired(now);
        Instant expiresAt = now.plus(request.ttl());
        Optional<Seat> held = seats.values().stream()
                .filter(seat -> seat.userId().equals(request.userId()) && seat.deviceId().equals(request.deviceId()))
                .findFirst();
        if (held.isPresent()) {
            Seat old = held.get();
            Seat refreshed = new Seat(old.seatId(), old.licenseId(), old.userId(), old.deviceId(), old.deviceName(),
                    request.keycloakSessionId(), old.createdAt(), now, expiresAt);
            seats.put(refreshed.seatId(), refreshed);
            return new AcquireResult.Granted(refreshed, true, seats.size());
        }
        if (seats.size() >= request.maxSeats()) {
            return new AcquireResult.Exhausted(oldestFirst());
        }
        Seat created = new Seat(newSeatId, request.licenseId(), request.userId(), request.deviceId(),
                request.deviceName(), request.keycloakSessionId(), now, now, expiresAt);
        seats.put(newSeatId, created);
        return new AcquireResult.Granted(created, false, seats.size());
    }

    HeartbeatResult heartbeat(String seatId, Duration ttl, Instant now, Instant clockNow) {
        if (isTombstoned(seatId, clockNow)) {
            return new HeartbeatResult.Revoked();
        }
        Seat seat = seats.get(seatId);
        if (seat == null || !isLive(seat, now)) {
            seats.remove(seatId);
            return new HeartbeatResult.NotFound();
        }
        Seat refreshed = new Seat(seat.seatId(), seat.licenseId(), seat.userId(), seat.deviceId(), seat.deviceName(),
                seat.keycloakSessionId(), seat.createdAt(), now, now.plus(ttl));
        seats.put(seatId, refreshed);
        return new HeartbeatResult.Alive(refreshed);
    }

    Optional<Seat> find(String seatId, Instant now) {
        return Optional.ofNullable(seats.get(seatId)).filter(seat -> isLive(seat, now));
    }

    /** Removes the seat if it is still recorded, live or not yet purged, as the Redis store does. */
    Optional<Seat> remove(String seatId) {
        return Optional.ofNullable(seats.remove(seatId));
    }

    void tombstone(String seatId, Instant until) {
        tombstoneEnds.put(seatId, until);
    }

    List<Seat> live(Instant now) {
        purgeExpired(now);
        return oldestFirst();
    }

    /** True when nothing is left worth keeping, so the store can drop the license entirely. */
    boolean isEmpty(Instant clockNow) {
        tombstoneEnds.values().removeIf(end -> !end.isAfter(clockNow));
        return seats.isEmpty() && tombstoneEnds.isEmpty();
    }

    boolean isRevoked(String seatId, Instant clockNow) {
        return isTombstoned(seatId, clockNow);
    }

    private boolean isTombstoned(String seatId, Instant clockNow) {
        Instant end = tombstoneEnds.get(seatId);
        return end != null && end.isAfter(clockNow);
    }

    private void purgeExpired(Instant now) {
        seats.values().removeIf(seat -> !isLive(seat, now));
    }

    private static boolean isLive(Seat seat, Instant now) {
        return seat.expiresAt().isAfter(now);
    }

    private List<Seat> oldestFirst() {
        return seats.values().stream().sorted(SeatOrder.OLDEST_FIRST).toList();
    }
}
