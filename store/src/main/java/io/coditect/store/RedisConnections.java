package io.coditect.store;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Locale;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.RedisSentinelClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Opens the {@link UnifiedJedis} the Redis stores run on, for a standalone server, a Sentinel
 * group or a Cluster, as {@link RedisSettings#url()} says. The caller owns the result and
 * closes it on shutdown.
 */
public final class RedisConnections {

    private static final String CLIENT_NAME = "coditect-keycloak";
    /** Cluster calls may follow MOVED/ASK redirections; each attempt is bounded by the timeout. */
    private static final int CLUSTER_ATTEMPTS = 3;

    private RedisConnections() {
    }

    /**
     * A standalone client connects lazily, so this succeeds while Redis is down and the stores
     * report it per call. Sentinel and Cluster clients must ask the servers where the data lives,
     * so for them this fails when none answers.
     *
     * @throws StoreUnavailableException when Sentinel or Cluster cannot be reached
     * @throws IllegalArgumentException  when the URL is malformed (the message masks the password)
     */
    public static UnifiedJedis open(RedisSettings settings) {
        RedisUrl url = RedisUrl.parse(settings.url());
        JedisClientConfig client = clientConfig(url, settings.timeout());
        ConnectionPoolConfig pool = poolConfig(settings);
        try {
            return switch (url.topology()) {
                case STANDALONE -> RedisClient.builder()
                        .hostAndPort(url.nodes().get(0))
                        .clientConfig(client)
                        .poolConfig(pool)
                        .build();
                case SENTINEL -> RedisSentinelClient.builder()
                        .masterName(url.masterName())
                        .sentinels(new LinkedHashSet<>(url.nodes()))
                        .clientConfig(client)
                        .sentinelClientConfig(sentinelConfig(url, settings.timeout()))
                        .poolConfig(pool)
                        .build();
                case CLUSTER -> RedisClusterClient.builder()
                        .nodes(new LinkedHashSet<>(url.nodes()))
                        .clientConfig(client)
                        .poolConfig(pool)
                        .maxAttempts(CLUSTER_ATTEMPTS)
                        .maxTotalRetriesDuration(settings.timeout().multipliedBy(CLUSTER_ATTEMPTS))
                        .build();
            };
        } catch (JedisException e) {
            throw RedisOutage.of("connect (" + url.topology().name().toLowerCase(Locale.ROOT) + ")", e);
        }
    }

    private static JedisClientConfig clientConfig(RedisUrl url, Duration timeout) {
        int millis = Math.toIntExact(timeout.toMillis());
        return DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(millis)
                .socketTimeoutMillis(millis)
                .user(url.user())
                .password(url.password())
                .database(url.database())
                .ssl(url.tls())
                .clientName(CLIENT_NAME)
                // RESP2 saves the HELLO round trip on every new connection and keeps script
                // replies decoded the same way on every Redis version.
                .resp2()
                .build();
    }

    /** Sentinels usually run without a password; the URL's credentials are the master's. */
    private static JedisClientConfig sentinelConfig(RedisUrl url, Duration timeout) {
        int millis = Math.toIntExact(timeout.toMillis());
        return DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(millis)
                .socketTimeoutMillis(millis)
                .ssl(url.tls())
                .clientName(CLIENT_NAME)
                .serverDefaultProtocol()
                .build();
    }

    private static ConnectionPoolConfig poolConfig(RedisSettings settings) {
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setMaxTotal(settings.maxPoolSize());
        pool.setMaxIdle(settings.maxPoolSize());
        pool.setMinIdle(0);
        pool.setBlockWhenExhausted(true);
        pool.setMaxWait(settings.timeout());
        // A PING on borrow replaces connections that died with a Redis restart or failover,
        // instead of failing one request per dead connection after Redis is back.
        pool.setTestOnBorrow(true);
        pool.setJmxEnabled(false);
        return pool;
    }
}
