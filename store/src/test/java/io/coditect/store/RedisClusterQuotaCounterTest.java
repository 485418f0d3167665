package io.coditect.store;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import redis.clients.jedis.UnifiedJedis;

/** The quota contract through a Cluster client. */
class RedisClusterQuotaCounterTest extends QuotaCounterContract {

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
    protected QuotaCounter newCounter() {
        cluster.flushAll();
        return new RedisQuotaCounter(cluster);
    }
}
