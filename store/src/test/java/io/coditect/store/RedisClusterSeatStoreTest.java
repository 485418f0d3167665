package io.coditect.store;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import redis.clients.jedis.UnifiedJedis;

/**
 * The seat contract through a Cluster client (slot routing by the first key, EVALSHA with the
 * NOSCRIPT fallback on a cluster node). That a license's keys share one slot is checked by
 * {@link RedisSeatStoreTest}: a one-node cluster owns every slot and would not notice otherwise.
 */
class RedisClusterSeatStoreTest extends SeatStoreContract {

    private static RedisServer node;
    private static UnifiedJedis cluster;

    @BeforeAll
    static void startCluster() {
        node = RedisServer.launchOneNodeCluster();
        cluster = RedisConnections.open(new RedisSettings("redis-cluster://127.0.0.1:" + node.port(), Duration.ofSeconds(1), 16));
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
        if (node != null) {
            node.close();
        }
    }

    @Override
    protected SeatStore newStore() {
        cluster.flushAll();
        return new RedisSeatStore(cluster);
    }
}
