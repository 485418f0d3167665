package io.coditect.store;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link QuotaCounter} for a single development node, with the same semantics as
 * {@link RedisQuotaCounter}: check, increment and expiry of one key happen atomically (under
 * {@link ConcurrentHashMap#compute}), and a refused call changes nothing.
 *
 * <p>{@code consume} and {@code used} receive no {@code now}, so windows end on the
 * {@code clock}, just as Redis expires the counter key on its own clock.
 */
public final class InMemoryQuotaCounter implements QuotaCounter {

    private record Window(long used, Instant end) {
    }

    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
    private final Clock clock;

    public InMemoryQuotaCounter() {
        this(Clock.systemUTC());
    }

    public InMemoryQuotaCounter(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public QuotaResult consume(String key, long limit, Instant windowEnd) {
        QuotaKeys.requireKey(key);
        Objects.requireNonNull(windowEnd, "windowEnd");
        Instant now = clock.instant();
        QuotaResult[] result = new QuotaResult[1];
        Window after = windows.compute(key, (k, window) -> {
            long used = isOpen(window, now) ? window.used() : 0;
            if (used >= limit) {
                result[0] = new QuotaResult(false, used);
                return isOpen(window, now) ? window : null;
            }
            result[0] = new QuotaResult(true, used + 1);
            return new Window(used + 1, windowEnd);
        });
        if (after != null && result[0].used() == 1) {
            // A new window opened: a cheap moment to forget the ended ones, so a long-running node does not grow.
            windows.values().removeIf(window -> !isOpen(window, now));
        }
        return result[0];
    }

    @Override
    public long used(String key) {
        QuotaKeys.requireKey(key);
        Window window = windows.get(key);
        return isOpen(window, clock.instant()) ? window.used() : 0;
    }

    private static boolean isOpen(Window window, Instant now) {
        return window != null && window.end().isAfter(now);
    }
}
