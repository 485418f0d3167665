package io.coditect.store;

import java.time.Duration;
import java.util.Objects;

/**
 * How to reach Redis.
 *
 * @param url         see {@link RedisUrl} for the accepted forms, e.g. {@code redis://:secret@redis:6379/0},
 *                    {@code redis-sentinel://secret@s1:26379,s2:26379/mymaster},
 *                    {@code redis-cluster://n1:6379,n2:6379}
 * @param timeout     bounds connecting, every reply, and the wait for a pooled connection, so no
 *                    call hangs (default 200 ms)
 * @param maxPoolSize most connections open at once (per node in a cluster)
 */
public record RedisSettings(String url, Duration timeout, int maxPoolSize) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(200);
    public static final int DEFAULT_MAX_POOL_SIZE = 16;

    public RedisSettings {
        RedisUrl.parse(url); // fail at configuration time, not at the first call
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        if (timeout.isNegative() || timeout.isZero() || timeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("timeout must be between 1 ms and " + Integer.MAX_VALUE + " ms");
        }
        if (maxPoolSize < 1) {
            throw new IllegalArgumentException("maxPoolSize must be at least 1");
        }
    }

    /** The URL with the default timeout and pool size. */
    public static RedisSettings of(String url) {
        return new RedisSettings(url, DEFAULT_TIMEOUT, DEFAULT_MAX_POOL_SIZE);
    }

    public RedisSettings withTimeout(Duration newTimeout) {
        return new RedisSettings(url, Objects.requireNonNull(newTimeout, "timeout"), maxPoolSize);
    }

    public RedisSettings withMaxPoolSize(int newMaxPoolSize) {
        return new RedisSettings(url, timeout, newMaxPoolSize);
    }

    /** Masks the password, which the generated record toString would print. */
    @Override
    public String toString() {
        return "RedisSettings[url=" + RedisUrl.redact(url) + ", timeout=" + timeout + ", maxPoolSize=" + maxPoolSize + "]";
    }
}
