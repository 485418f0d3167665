package io.coditect.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.coditect.store.QuotaCounter.QuotaResult;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InMemoryQuotaCounterTest extends QuotaCounterContract {

    private static final Instant DAY_START = Instant.parse("2026-12-03T00:00:00Z");
    private static final Instant DAY_END = Instant.parse("2026-12-04T00:00:00Z");

    private final MutableClock clock = new MutableClock(DAY_START.plus(Duration.ofHours(9)));

    @Override
    protected QuotaCounter newCounter() {
        return new InMemoryQuotaCounter(clock);
    }

    @Test
    void aWindowEndsAtItsEndOnTheClock() {
        counter.consume(KEY, 2, DAY_END);
        counter.consume(KEY, 2, DAY_END);
        assertThat(counter.consume(KEY, 2, DAY_END).allowed()).isFalse();

        clock.advance(Duration.between(clock.instant(), DAY_END).minusMillis(1));
        assertThat(counter.used(KEY)).isEqualTo(2);

        clock.advance(Duration.ofMillis(1));
        assertThat(counter.used(KEY)).isZero();
        assertThat(counter.consume(KEY, 2, DAY_END.plus(Duration.ofDays(1)))).isEqualTo(new QuotaResult(true, 1));
    }

    @Test
    void anEndedWindowDoesNotBlockANewOne() {
        counter.consume(KEY, 1, DAY_END);
        clock.advance(Duration.ofDays(1));

        assertThat(counter.consume(KEY, 1, DAY_END.plus(Duration.ofDays(1)))).isEqualTo(new QuotaResult(true, 1));
    }
}
