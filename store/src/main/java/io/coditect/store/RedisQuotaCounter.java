package io.coditect.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * {@link QuotaCounter} on Redis: one string key per window, {@code <prefix>quota:<key>}.
 * Consuming is one Lua script (check, INCR and EXPIREAT together), so concurrent calls on any
 * number of nodes never admit more than the limit and no counter is left without an expiry.
 *
 * <p>The window ends on the Redis clock at {@code windowEnd}, rounded up to the second
 * (EXPIREAT takes seconds): a counter never disappears before its window is over.
 */
public final class RedisQuotaCounter implements QuotaCounter {

    private static final LuaScript CONSUME = LuaScript.load("quota consume", "quota-consume.lua");

    private final UnifiedJedis redis;
    private final String prefix;

    /** Keys start with {@code "coditect:"}. */
    public RedisQuotaCounter(UnifiedJedis redis) {
        this(redis, KeyPrefix.DEFAULT);
    }

    /** @param keyPrefix put in front of every key ({@code ""} for none); must not contain braces */
    public RedisQuotaCounter(UnifiedJedis redis, String keyPrefix) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.prefix = KeyPrefix.check(keyPrefix) + "quota:";
    }

    @Override
    public QuotaResult consume(String key, long limit, Instant windowEnd) {
        QuotaKeys.requireKey(key);
        long endSeconds = windowEnd.getEpochSecond() + (windowEnd.getNano() > 0 ? 1 : 0);
        List<?> reply = ScriptReply.list(CONSUME.run(redis,
                List.of(prefix + key),
                List.of(Long.toString(limit), Long.toString(endSeconds))));
        return new QuotaResult(ScriptReply.number(reply.get(0)) == 1, ScriptReply.number(reply.get(1)));
    }

    @Override
    public long used(String key) {
        QuotaKeys.requireKey(key);
        String value;
        try {
            value = redis.get(prefix + key);
        } catch (JedisException e) {
            throw RedisOutage.of("quota read", e);
        }
        return value == null ? 0 : Long.parseLong(value);
    }
}
