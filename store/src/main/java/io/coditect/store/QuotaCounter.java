package io.coditect.store;

import java.time.Instant;

/**
 * Counters of a fixed window (e.g. one calendar day). Consuming is atomic: the check
 * against the limit, the increment and setting the window's expiry happen together, so
 * N concurrent calls never admit more than {@code limit}, and no counter is ever left
 * without an expiry. A refused call does not increment.
 */
public interface QuotaCounter {

    /**
     * @param key      the window's counter key, e.g. {@code realm:user:2026-12-03}
     * @param limit    the most units the window admits
     * @param windowEnd when the counter expires (start of the next window)
     */
    QuotaResult consume(String key, long limit, Instant windowEnd);

    /** Units used in the window so far (0 when the key does not exist). */
    long used(String key);

    /** @param allowed whether this unit was admitted; @param used the count after the call */
    record QuotaResult(boolean allowed, long used) {
    }
}
