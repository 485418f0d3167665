package io.coditect.client;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** A snapshot of the validator, as handed to callers and listeners. */
public record LicenseStatus(
        LicenseState state,
        String reason,
        String tier,
        String sessionId,
        Instant leaseExpiresAt,
        Instant lastServerTime,
        int consecutiveNetworkFailures,
        Integer seatsUsed,
        Integer seatsMax,
        Instant observedAt) {

    public boolean isLicensed() {
        return state.isLicensed();
    }

    /** Offline grace left at {@link #observedAt()}; empty without a lease. */
    public Optional<Duration> graceRemaining() {
        if (leaseExpiresAt == null || observedAt == null) {
            return Optional.empty();
        }
        Duration left = Duration.between(observedAt, leaseExpiresAt);
        return Optional.of(left.isNegative() ? Duration.ZERO : left);
    }

    /** FREE-tier style license: licensed without a seat. */
    public boolean isSeatless() {
        return state == LicenseState.ONLINE && sessionId == null;
    }
}
