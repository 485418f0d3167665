package io.coditect.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

/** {@link RedisConnections} against real servers: credentials, database, Sentinel, unreachable servers. */
class RedisConnectionsTest {

    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
    private static final Instant WINDOW_END = Instant.parse("2100-01-01T00:00:00Z");
    private static final String PASSWORD = "hunter2-p@ss/w:rd";

    @Test
    void aPasswordInTheUrlIsUsed() {
        try (RedisServer server = RedisServer.launch("--requirepass", PASSWORD);
             UnifiedJedis redis = RedisConnections.open(settings("redis://:" + PASSWORD + "@127.0.0.1:" + server.port()))) {
            assertThat(new RedisQuotaCounter(redis).consume("k", 1, WINDOW_END).allowed()).isTrue();
        }
    }

    @Test
    void aWrongPasswordIsUnavailableWithoutShowingThePassword() {
        try (RedisServer server = RedisServer.launch("--requirepass", PASSWORD);
             UnifiedJedis redis = RedisConnections.open(settings("redis://:not-" + PASSWORD + "@127.0.0.1:" + server.port()))) {
            assertThatThrownBy(() -> new RedisQuotaCounter(redis).consume("k", 1, WINDOW_END))
                    .isInstanceOf(StoreUnavailableException.class)
                    .hasMessageNotContaining(PASSWORD)
                    .satisfies(e -> assertThat(e.toString()).doesNotContain(PASSWORD));
        }
    }

    @Test
    void theDatabaseInTheUrlIsSelected() {
        try (RedisServer server = RedisServer.launch();
             UnifiedJedis db3 = RedisConnections.open(settings(server.url() + "/3"));
             UnifiedJedis db0 = server.client()) {
            new RedisQuotaCounter(db3).consume("k", 1, WINDOW_END);

            assertThat(db3.dbSize()).isEqualTo(1);
            assertThat(db0.dbSize()).isZero();
        }
    }

    @Test
    void sentinelFindsTheMasterAndTheStoresWorkThroughIt() {
        try (RedisServer master = RedisServer.launch("--requirepass", PASSWORD);
             RedisServer sentinel = RedisServer.launchSentinel("mymaster", master.port(), PASSWORD);
             UnifiedJedis redis = RedisConnections.open(
                     settings("redis-sentinel://:" + PASSWORD + "@127.0.0.1:" + sentinel.port() + "/mymaster"))) {
            SeatStore seats = new RedisSeatStore(redis);
            SeatRequest request = new SeatRequest("lic-1", "alice", "d1", null, null, 1, Duration.ofMinutes(15));

            assertThat(seats.acquire(request, NOW)).isInstanceOf(AcquireResult.Granted.class);
            assertThat(new RedisQuotaCounter(redis).consume("k", 1, WINDOW_END).allowed()).isTrue();
        }
    }

    @Test
    void aStandaloneClientOpensWhileRedisIsDownAndEachCallReportsIt() {
        try (UnifiedJedis redis = RedisConnections.open(settings("redis://127.0.0.1:" + unusedPort()))) {
            assertThatThrownBy(() -> new RedisQuotaCounter(redis).used("k")).isInstanceOf(StoreUnavailableException.class);
        }
    }

    @Test
    void unreachableSentinelsOrClusterNodesAreUnavailable() {
        int port = unusedPort();

        assertThatThrownBy(() -> RedisConnections.open(settings("redis-sentinel://:" + PASSWORD + "@127.0.0.1:" + port + "/mymaster")))
                .isInstanceOf(StoreUnavailableException.class).hasMessageNotContaining(PASSWORD);
        assertThatThrownBy(() -> RedisConnections.open(settings("redis-cluster://:" + PASSWORD + "@127.0.0.1:" + port)))
                .isInstanceOf(StoreUnavailableException.class).hasMessageNotContaining(PASSWORD);
    }

    private static RedisSettings settings(String url) {
        return new RedisSettings(url, Duration.ofMillis(500), 4);
    }

    private static int unusedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
