package io.coditect.keycloak.license.seat;

import java.time.Duration;

/**
 * How long seats and revocation tombstones live. A seat survives three missed heartbeats plus
 * half an interval of drift, so a client that has just gone offline (3 failures) still holds
 * its seat. A tombstone outlives the longest offline grace, so a device coming back from a week
 * offline still learns it was revoked.
 */
public final class SeatTtl {

    private SeatTtl() {
    }

    public static Duration seat(int heartbeatIntervalSeconds) {
        long millis = heartbeatIntervalSeconds * 3_500L;
        return Duration.ofMillis(millis);
    }

    public static Duration tombstone(int gracePeriodDays) {
        return Duration.ofDays(Math.max(gracePeriodDays, 0) + 1L);
    }
}
