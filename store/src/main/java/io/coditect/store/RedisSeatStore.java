package io.coditect.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import redis.clients.jedis.UnifiedJedis;

/**
 * {@link SeatStore} on Redis. Every operation is one Lua script over the keys of one license
 * (one Redis Cluster slot, see {@link SeatKeys}), which makes it atomic across Keycloak nodes.
 * Works on any {@link UnifiedJedis}: standalone, Sentinel or Cluster.
 *
 * <p>Liveness is decided by the sorted-set score against the caller's {@code now}, never by
 * Redis's clock, so every node agrees with the time it was given. Key TTLs are only a backstop
 * (seat TTL + {@link #BACKSTOP_MARGIN}); the one exception is the revocation tombstone, which
 * lives exactly its TTL on the Redis clock.
 */
public final class RedisSeatStore implements SeatStore {

    /** How much longer a seat's keys live than its TTL: room for clock skew between Keycloak nodes. */
    public static final Duration BACKSTOP_MARGIN = Duration.ofMinutes(1);

    private static final LuaScript ACQUIRE = LuaScript.load("seat acquire", "seat-lib.lua", "seat-acquire.lua");
    private static final LuaScript HEARTBEAT = LuaScript.load("seat heartbeat", "seat-lib.lua", "seat-heartbeat.lua");
    private static final LuaScript FIND = LuaScript.load("seat find", "seat-lib.lua", "seat-find.lua");
    private static final LuaScript LIST = LuaScript.load("seat list", "seat-lib.lua", "seat-list.lua");
    private static final LuaScript FREE = LuaScript.load("seat release", "seat-lib.lua", "seat-free.lua");

    private final UnifiedJedis redis;
    private final SeatKeys keys;

    /** Keys start with {@code "coditect:"}. */
    public RedisSeatStore(UnifiedJedis redis) {
        this(redis, KeyPrefix.DEFAULT);
    }

    /** @param keyPrefix put in front of every key ({@code ""} for none); must not contain braces */
    public RedisSeatStore(UnifiedJedis redis, String keyPrefix) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.keys = new SeatKeys(keyPrefix);
    }

    @Override
    public AcquireResult acquire(SeatRequest request, Instant now) {
        String license = request.licenseId();
        long nowMs = now.toEpochMilli();
        long ttlMs = request.ttl().toMillis();
        List<?> reply = ScriptReply.list(ACQUIRE.run(redis,
                List.of(keys.seats(license), keys.device(license, request.userId(), request.deviceId())),
                List.of(keys.base(license),
                        Long.toString(nowMs),
                        Long.toString(nowMs + ttlMs),
                        Long.toString(backstopMillis(ttlMs)),
                        Integer.toString(request.maxSeats()),
                        UUID.randomUUID().toString(),
                        request.userId(),
                        request.deviceId(),
                        optional(request.deviceName()),
                        optional(request.keycloakSessionId()),
                        license)));
        String outcome = String.valueOf(reply.get(0));
        return switch (outcome) {
            case "granted" -> new AcquireResult.Granted(
                    SeatReply.seat(license, reply.get(3)),
                    ScriptReply.number(reply.get(1)) == 1,
                    Math.toIntExact(ScriptReply.number(reply.get(2))));
            case "exhausted" -> new AcquireResult.Exhausted(SeatReply.seats(license, reply.get(1)));
            default -> throw new IllegalStateException("unexpected acquire outcome " + outcome);
        };
    }

    @Override
    public HeartbeatResult heartbeat(String licenseId, String seatId, Duration ttl, Instant now) {
        long nowMs = now.toEpochMilli();
        long ttlMs = Ttl.millis(ttl, "ttl");
        List<?> reply = ScriptReply.list(HEARTBEAT.run(redis,
                List.of(keys.seats(licenseId), keys.seat(licenseId, seatId), keys.tombstone(licenseId, seatId)),
                List.of(keys.base(licenseId), seatId,
                        Long.toString(nowMs),
                        Long.toString(nowMs + ttlMs),
                        Long.toString(backstopMillis(ttlMs)))));
        String outcome = String.valueOf(reply.get(0));
        return switch (outcome) {
            case "alive" -> new HeartbeatResult.Alive(SeatReply.seat(licenseId, reply.get(1)));
            case "revoked" -> new HeartbeatResult.Revoked();
            case "not_found" -> new HeartbeatResult.NotFound();
            default -> throw new IllegalStateException("unexpected heartbeat outcome " + outcome);
        };
    }

    @Override
    public boolean isRevoked(String licenseId, String seatId) {
        try {
            return redis.exists(keys.tombstone(licenseId, seatId));
        } catch (redis.clients.jedis.exceptions.JedisException e) {
            throw RedisOutage.of("isRevoked", e);
        }
    }

    @Override
    public Optional<Seat> find(String licenseId, String seatId, Instant now) {
        Object reply = FIND.run(redis,
                List.of(keys.seats(licenseId), keys.seat(licenseId, seatId)),
                List.of(keys.base(licenseId), seatId, Long.toString(now.toEpochMilli())));
        return SeatReply.optionalSeat(licenseId, reply);
    }

    @Override
    public Optional<Seat> release(String licenseId, String seatId) {
        return free(licenseId, seatId, 0);
    }

    @Override
    public Optional<Seat> revoke(String licenseId, String seatId, Duration tombstoneTtl) {
        return free(licenseId, seatId, Ttl.millis(tombstoneTtl, "tombstoneTtl"));
    }

    @Override
    public List<Seat> list(String licenseId, Instant now) {
        Object reply = LIST.run(redis,
                List.of(keys.seats(licenseId)),
                List.of(keys.base(licenseId), Long.toString(now.toEpochMilli())));
        return SeatReply.seats(licenseId, reply);
    }

    private Optional<Seat> free(String licenseId, String seatId, long tombstoneMs) {
        Object reply = FREE.run(redis,
                List.of(keys.seats(licenseId), keys.seat(licenseId, seatId), keys.tombstone(licenseId, seatId)),
                List.of(keys.base(licenseId), seatId, Long.toString(tombstoneMs)));
        return SeatReply.optionalSeat(licenseId, reply);
    }

    private static long backstopMillis(long ttlMs) {
        return ttlMs + BACKSTOP_MARGIN.toMillis();
    }

    /** ARGV cannot carry nil: absent is "", present is "=" + value (see optional() in seat-lib.lua). */
    private static String optional(String value) {
        return value == null ? "" : "=" + value;
    }
}
