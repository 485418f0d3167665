package io.coditect.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.coditect.store.QuotaCounter.QuotaResult;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Behaviour every {@link QuotaCounter} must have; each implementation's test extends this class. */
abstract class QuotaCounterContract {

    /** Far enough ahead that no window ends while the tests run, on any clock. */
    static final Instant WINDOW_END = Instant.parse("2100-01-01T00:00:00Z");
    static final String KEY = "coditect:alice:2026-12-03";

    protected QuotaCounter counter;

    protected abstract QuotaCounter newCounter();

    @BeforeEach
    void createCounter() {
        counter = newCounter();
    }

    @Test
    void theFirstUnitIsAllowed() {
        assertThat(counter.consume(KEY, 10, WINDOW_END)).isEqualTo(new QuotaResult(true, 1));
        assertThat(counter.used(KEY)).isEqualTo(1);
    }

    @Test
    void admitsUpToTheLimitThenRefusesWithoutCounting() {
        for (int i = 1; i <= 3; i++) {
            assertThat(counter.consume(KEY, 3, WINDOW_END)).isEqualTo(new QuotaResult(true, i));
        }

        assertThat(counter.consume(KEY, 3, WINDOW_END)).isEqualTo(new QuotaResult(false, 3));
        assertThat(counter.consume(KEY, 3, WINDOW_END)).isEqualTo(new QuotaResult(false, 3));
        assertThat(counter.used(KEY)).isEqualTo(3);
    }

    @Test
    void aRaisedLimitAdmitsMoreInTheSameWindow() {
        counter.consume(KEY, 1, WINDOW_END);
        assertThat(counter.consume(KEY, 1, WINDOW_END).allowed()).isFalse();

        assertThat(counter.consume(KEY, 5, WINDOW_END)).isEqualTo(new QuotaResult(true, 2));
    }

    @Test
    void aZeroLimitRefusesAndCountsNothing() {
        assertThat(counter.consume(KEY, 0, WINDOW_END)).isEqualTo(new QuotaResult(false, 0));
        assertThat(counter.used(KEY)).isZero();
    }

    @Test
    void windowsAreCountedSeparately() {
        String tomorrow = "coditect:alice:2026-12-04";
        counter.consume(KEY, 10, WINDOW_END);
        counter.consume(KEY, 10, WINDOW_END);

        assertThat(counter.consume(tomorrow, 10, WINDOW_END)).isEqualTo(new QuotaResult(true, 1));
        assertThat(counter.used(KEY)).isEqualTo(2);
    }

    @Test
    void anUnknownWindowHasUsedNothing() {
        assertThat(counter.used("coditect:nobody:2026-12-03")).isZero();
    }

    @Test
    void concurrentConsumersNeverExceedTheLimit() throws Exception {
        List<QuotaResult> results = consumeConcurrently(40, 10);

        assertThat(results).filteredOn(QuotaResult::allowed).hasSize(10)
                .extracting(QuotaResult::used).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        assertThat(results).filteredOn(result -> !result.allowed()).hasSize(30)
                .extracting(QuotaResult::used).containsOnly(10L);
        assertThat(counter.used(KEY)).isEqualTo(10);
    }

    List<QuotaResult> consumeConcurrently(int threads, long limit) throws Exception {
        return Concurrently.run(threads, i -> counter.consume(KEY, limit, WINDOW_END));
    }
}
