package io.coditect.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.util.JedisClusterCRC16;

class RedisSeatStoreTest extends SeatStoreContract {

    private static final long BACKSTOP_MS = TTL.plus(RedisSeatStore.BACKSTOP_MARGIN).toMillis();

    private static RedisServer server;
    private static UnifiedJedis redis;
    private static UnifiedJedis inspector;

    @BeforeAll
    static void startRedis() {
        server = RedisServer.launch();
        redis = RedisConnections.open(new RedisSettings(server.url(), Duration.ofSeconds(1), 16));
        inspector = server.client();
    }

    @AfterAll
    static void stopRedis() {
        if (redis != null) {
            redis.close();
            inspector.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Override
    protected SeatStore newStore() {
        inspector.flushAll();
        return new RedisSeatStore(redis);
    }

    @Test
    void everyKeyOfALicenseCarriesItsHashTag() {
        Seat alice = acquireSeat("alice", "d1", 3, T0);
        Seat bob = acquireSeat("bob", "d2", 3, T0);
        store.revoke(LICENSE, bob.seatId(), TOMBSTONE_TTL);

        assertThat(inspector.keys("*")).containsExactlyInAnyOrder(
                "coditect:lic:{lic-1}:seats",
                "coditect:lic:{lic-1}:seat:" + alice.seatId(),
                "coditect:lic:{lic-1}:dev:alice:d1",
                "coditect:lic:{lic-1}:revoked:" + bob.seatId());
        // One slot for all of them, so that in a Cluster each script runs on the one node owning it.
        assertThat(inspector.keys("*")).extracting(JedisClusterCRC16::getSlot).containsOnly(JedisClusterCRC16.getSlot(LICENSE));
        assertThat(inspector.hget("coditect:lic:{lic-1}:seat:" + alice.seatId(), "exp"))
                .isEqualTo(Long.toString(T0.plus(TTL).toEpochMilli()));
        assertThat(inspector.zscore("coditect:lic:{lic-1}:seats", alice.seatId()))
                .isEqualTo((double) T0.plus(TTL).toEpochMilli());
    }

    @Test
    void everyKeyExpiresOnItsOwn() {
        Seat alice = acquireSeat("alice", "d1", 3, T0);
        Seat bob = acquireSeat("bob", "d2", 3, T0);
        store.revoke(LICENSE, bob.seatId(), TOMBSTONE_TTL);

        for (String key : new String[] {"coditect:lic:{lic-1}:seats", "coditect:lic:{lic-1}:seat:" + alice.seatId(),
                "coditect:lic:{lic-1}:dev:alice:d1"}) {
            assertThat(inspector.pttl(key)).as(key).isBetween(TTL.toMillis(), BACKSTOP_MS);
        }
        assertThat(inspector.pttl("coditect:lic:{lic-1}:revoked:" + bob.seatId())).isBetween(1L, TOMBSTONE_TTL.toMillis());
    }

    @Test
    void releaseLeavesNoKeyBehind() {
        Seat seat = acquireSeat("alice", "d1", 3, T0);

        store.release(LICENSE, seat.seatId());

        assertThat(inspector.keys("*")).isEmpty();
    }

    @Test
    void purgingExpiredSeatsLeavesNoKeyBehind() {
        acquireSeat("alice", "d1", 3, T0);
        acquireSeat("bob", "d2", 3, T0);

        assertThat(store.list(LICENSE, T0.plus(TTL))).isEmpty();

        assertThat(inspector.keys("*")).isEmpty();
    }

    @Test
    void aSeatWhoseKeysExpiredIsNotCounted() {
        Seat ghost = acquireSeat("alice", "d1", 1, T0);
        // As if the backstop TTL had run out before the set member (a node's clock far behind).
        inspector.del("coditect:lic:{lic-1}:seat:" + ghost.seatId());

        AcquireResult.Granted bob = granted(store.acquire(request("bob", "d2", 1), T0.plusSeconds(1)));

        assertThat(store.list(LICENSE, T0.plusSeconds(1))).containsExactly(bob.seat());
        assertThat(store.heartbeat(LICENSE, ghost.seatId(), TTL, T0.plusSeconds(1))).isInstanceOf(HeartbeatResult.NotFound.class);
    }

    @Test
    void scriptsAreSentAgainWhenRedisForgotThem() {
        acquireSeat("alice", "d1", 3, T0);
        inspector.scriptFlush();

        assertThat(store.list(LICENSE, T0)).hasSize(1);
    }

    @Test
    void theKeyPrefixIsConfigurable() {
        new RedisSeatStore(redis, "test:").acquire(request("alice", "d1", 1), T0);

        assertThat(inspector.keys("*")).allSatisfy(key -> assertThat(key).startsWith("test:lic:{lic-1}:"));
        assertThat(store.list(LICENSE, T0)).isEmpty();
    }

    @Test
    void aPrefixWithABraceIsRefused() {
        assertThatThrownBy(() -> new RedisSeatStore(redis, "{coditect}:"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
