package io.coditect.store;

import java.time.Duration;
import java.util.Objects;

/** The one rule both seat stores apply to a TTL argument: whole milliseconds, at least one. */
final class Ttl {

    static long millis(Duration ttl, String name) {
        long millis = Objects.requireNonNull(ttl, name).toMillis();
        if (millis <= 0) {
            throw new IllegalArgumentException(name + " must be at least 1 ms");
        }
        return millis;
    }

    private Ttl() {
    }
}
