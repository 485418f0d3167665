package io.coditect.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * {@link SeatStore} for a single development node, with the same semantics as
 * {@link RedisSeatStore}. Operations on one license are serialised (by
 * {@link ConcurrentHashMap#compute}); different licenses do not contend.
 *
 * <p>Seat expiry is evaluated against the {@code now} passed in. The {@code clock} only times
 * revocation tombstones, whose TTL {@link #revoke} receives without a {@code now}; in Redis they
 * likewise expire on the server's clock. Times are kept to the millisecond, as in Redis.
 */
public final class InMemorySeatStore implements SeatStore {

    private final ConcurrentHashMap<String, LicenseSeats> licenses = new ConcurrentHashMap<>();
    private final Clock clock;

    public InMemorySeatStore() {
        this(Clock.systemUTC());
    }

    public InMemorySeatStore(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public AcquireResult acquire(SeatRequest request, Instant now) {
        Objects.requireNonNull(request, "request");
        Instant at = toMillis(now);
        String newSeatId = UUID.randomUUID().toString();
        SeatRequest normalised = new SeatRequest(request.licenseId(), request.userId(), request.deviceId(),
                request.deviceName(), request.keycloakSessionId(), request.maxSeats(),
                Duration.ofMillis(request.ttl().toMillis()));
        return onLicense(request.licenseId(), seats -> seats.acquire(normalised, at, newSeatId));
    }

    @Override
    public HeartbeatResult heartbeat(String licenseId, String seatId, Duration ttl, Instant now) {
        Objects.requireNonNull(seatId, "seatId");
        Duration ttlMillis = Duration.ofMillis(Ttl.millis(ttl, "ttl"));
        Instant at = toMillis(now);
        return onLicense(licenseId, seats -> seats.heartbeat(seatId, ttlMillis, at, clock.instant()));
    }

    @Override
    public boolean isRevoked(String licenseId, String seatId) {
        Objects.requireNonNull(seatId, "seatId");
        return onLicense(licenseId, seats -> seats.isRevoked(seatId, clock.instant()));
    }

    @Override
    public Optional<Seat> find(String licenseId, String seatId, Instant now) {
        Objects.requireNonNull(seatId, "seatId");
        Instant at = toMillis(now);
        return onLicense(licenseId, seats -> seats.find(seatId, at));
    }

    @Override
    public Optional<Seat> release(String licenseId, String seatId) {
        Objects.requireNonNull(seatId, "seatId");
        return onLicense(licenseId, seats -> seats.remove(seatId));
    }

    @Override
    public Optional<Seat> revoke(String licenseId, String seatId, Duration tombstoneTtl) {
        Objects.requireNonNull(seatId, "seatId");
        Duration tombstone = Duration.ofMillis(Ttl.millis(tombstoneTtl, "tombstoneTtl"));
        return onLicense(licenseId, seats -> {
            Optional<Seat> freed = seats.remove(seatId);
            // Only a seat that existed gets a tombstone, as in Redis: an unknown id stays "not found".
            freed.ifPresent(seat -> seats.tombstone(seatId, clock.instant().plus(tombstone)));
            return freed;
        });
    }

    @Override
    public List<Seat> list(String licenseId, Instant now) {
        Instant at = toMillis(now);
        return onLicense(licenseId, seats -> seats.live(at));
    }

    /** Runs {@code operation} under the license's lock and drops the license once it holds nothing. */
    private <T> T onLicense(String licenseId, Function<LicenseSeats, T> operation) {
        Objects.requireNonNull(licenseId, "licenseId");
        Object[] result = new Object[1];
        licenses.compute(licenseId, (id, existing) -> {
            LicenseSeats seats = existing != null ? existing : new LicenseSeats();
            result[0] = operation.apply(seats);
            return seats.isEmpty(clock.instant()) ? null : seats;
        });
        @SuppressWarnings("unchecked")
        T typed = (T) result[0];
        return typed;
    }

    private static Instant toMillis(Instant now) {
        return Instant.ofEpochMilli(Objects.requireNonNull(now, "now").toEpochMilli());
    }
}
