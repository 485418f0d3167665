package io.coditect.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.coditect.store.QuotaCounter.QuotaResult;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

class RedisQuotaCounterTest extends QuotaCounterContract {

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
    protected QuotaCounter newCounter() {
        inspector.flushAll();
        return new RedisQuotaCounter(redis);
    }

    @Test
    void concurrentConsumersLeaveACounterThatExpires() throws Exception {
        List<QuotaResult> results = consumeConcurrently(40, 10);

        assertThat(results).filteredOn(QuotaResult::allowed).hasSize(10);
        assertThat(inspector.get("coditect:quota:" + KEY)).isEqualTo("10");
        assertThat(inspector.ttl("coditect:quota:" + KEY)).isPositive();
    }

    /** EXPIREAT runs on the Redis clock, so this one test uses real time. */
    @Test
    void theCounterExpiresAtTheEndOfItsWindow() {
        Instant windowEnd = Instant.now().truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofHours(1));

        counter.consume(KEY, 1, windowEnd);
        assertThat(counter.consume(KEY, 1, windowEnd).allowed()).isFalse();

        assertThat(inspector.ttl("coditect:quota:" + KEY)).isBetween(3600L - 60, 3600L);
    }

    @Test
    void aWindowEndBetweenSecondsIsRoundedUp() {
        Instant windowEnd = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS).plusMillis(1);

        counter.consume(KEY, 1, windowEnd);

        // Same machine, same clock: the key's end is the next whole second after the window's end.
        long keyEndMillis = System.currentTimeMillis() + inspector.pttl("coditect:quota:" + KEY);
        assertThat(keyEndMillis).isCloseTo((windowEnd.getEpochSecond() + 1) * 1000, within(500L));
    }

    @Test
    void aRefusedCallGivesAnUnexpiringCounterAnExpiry() {
        inspector.set("coditect:quota:" + KEY, "5");

        assertThat(counter.consume(KEY, 5, WINDOW_END)).isEqualTo(new QuotaResult(false, 5));

        assertThat(inspector.ttl("coditect:quota:" + KEY)).isPositive();
        assertThat(inspector.get("coditect:quota:" + KEY)).isEqualTo("5");
    }

    @Test
    void theKeyPrefixIsConfigurable() {
        new RedisQuotaCounter(redis, "test:").consume(KEY, 1, WINDOW_END);

        assertThat(inspector.keys("*")).containsExactly("test:quota:" + KEY);
        assertThat(counter.used(KEY)).isZero();
    }
}
