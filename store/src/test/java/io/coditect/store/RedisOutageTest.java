package io.coditect.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Connection;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;

/**
 * What callers see when Redis is down, slow or saturated: a {@link StoreUnavailableException}
 * (which they answer with 503), soon, and normal service as soon as Redis is back. Assertions are
 * on the exception type only; the 200 ms timeouts are what keep each failure fast.
 */
class RedisOutageTest {

    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
    private static final Duration TTL = Duration.ofMinutes(15);
    private static final Instant WINDOW_END = Instant.parse("2100-01-01T00:00:00Z");

    private RedisServer server;
    private UnifiedJedis redis;
    private SeatStore seats;
    private QuotaCounter quota;

    @BeforeEach
    void start() {
        server = RedisServer.launch();
        redis = RedisConnections.open(new RedisSettings(server.url(), Duration.ofMillis(200), 8));
        seats = new RedisSeatStore(redis);
        quota = new RedisQuotaCounter(redis);
    }

    @AfterEach
    void stop() {
        redis.close();
        server.close();
    }

    private static SeatRequest request(String device) {
        return new SeatRequest("lic-1", "alice", device, null, null, 100, TTL);
    }

    @Test
    void everyCallFailsWhileRedisIsDownAndWorksAgainOnceItIsBack() throws Exception {
        Seat seat = ((AcquireResult.Granted) seats.acquire(request("d0"), NOW)).seat();
        // Fill the pool with idle connections: all of them die with the server.
        Concurrently.run(8, i -> quota.consume("warm-up", 100, WINDOW_END));

        server.stop();

        List<ThrowingCallable> calls = List.of(
                () -> seats.acquire(request("d1"), NOW),
                () -> seats.heartbeat("lic-1", seat.seatId(), TTL, NOW),
                () -> seats.find("lic-1", seat.seatId(), NOW),
                () -> seats.list("lic-1", NOW),
                () -> seats.release("lic-1", seat.seatId()),
                () -> seats.revoke("lic-1", seat.seatId(), Duration.ofHours(1)),
                () -> quota.consume("k", 10, WINDOW_END),
                () -> quota.used("k"));
        for (ThrowingCallable call : calls) {
            assertThatThrownBy(call).isInstanceOf(StoreUnavailableException.class);
        }

        server.start();

        // A fresh server: the data is gone, but every call is served, without a failed first one.
        assertThat(seats.acquire(request("d1"), NOW)).isInstanceOf(AcquireResult.Granted.class);
        assertThat(seats.heartbeat("lic-1", seat.seatId(), TTL, NOW)).isInstanceOf(HeartbeatResult.NotFound.class);
        assertThat(seats.list("lic-1", NOW)).hasSize(1);
        assertThat(Concurrently.run(8, i -> quota.consume("k", 100, WINDOW_END)))
                .allSatisfy(result -> assertThat(result.allowed()).isTrue());
        assertThat(quota.used("k")).isEqualTo(8);
    }

    @Test
    void aPoolWithNoFreeConnectionFailsInsteadOfWaitingForever() {
        try (UnifiedJedis single = RedisConnections.open(new RedisSettings(server.url(), Duration.ofMillis(200), 1))) {
            QuotaCounter counter = new RedisQuotaCounter(single);
            try (Connection held = ((RedisClient) single).getPool().getResource()) {
                assertThatThrownBy(() -> counter.consume("k", 10, WINDOW_END)).isInstanceOf(StoreUnavailableException.class);
            }
            assertThat(counter.consume("k", 10, WINDOW_END).allowed()).isTrue();
        }
    }

    @Test
    void aServerThatDoesNotAnswerInTimeIsUnavailable() throws Exception {
        assertThat(quota.consume("k", 10, WINDOW_END).allowed()).isTrue();
        CompletableFuture<Object> busy = CompletableFuture.supplyAsync(this::keepRedisBusyForASecond);
        awaitBusy();

        assertThatThrownBy(() -> quota.consume("k", 10, WINDOW_END)).isInstanceOf(StoreUnavailableException.class);

        busy.get();
        assertThat(quota.consume("k", 10, WINDOW_END).allowed()).isTrue();
    }

    /** A script that spins: Redis serves nobody else until it ends (well within the 5 s busy limit). */
    private Object keepRedisBusyForASecond() {
        try (UnifiedJedis own = server.client()) {
            return own.eval("""
                    redis.call('SET', 'busy', '1')
                    local function micros() local t = redis.call('TIME') return t[1] * 1000000 + t[2] end
                    local start = micros()
                    while micros() - start < 1000000 do end
                    redis.call('DEL', 'busy')
                    return 1
                    """);
        }
    }

    /** The spinning script's first write shows it has started; polling it from here would block, so look once. */
    private void awaitBusy() throws InterruptedException {
        try (UnifiedJedis probe = RedisConnections.open(new RedisSettings(server.url(), Duration.ofMillis(50), 1))) {
            while (true) {
                try {
                    if (probe.get("busy") == null) {
                        Thread.sleep(5);
                        continue;
                    }
                } catch (RuntimeException answerTimedOut) {
                    // No answer within 50 ms: the script is running.
                }
                return;
            }
        }
    }
}
