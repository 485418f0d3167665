package io.coditect.client;

import java.time.Instant;
import java.util.List;

/**
 * A verified offline lease: the server's signed promise that this device may run the
 * license until {@link #expiresAt()} without contacting it.
 */
public record Lease(
        String jws,
        String id,
        String issuer,
        String subject,
        List<String> audience,
        Instant issuedAt,
        Instant notBefore,
        Instant expiresAt,
        String tenantId,
        String licenseId,
        String tier,
        String deviceId,
        String seatSessionId) {

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "Lease[id=" + id + ", tier=" + tier + ", deviceId=" + deviceId + ", expiresAt=" + expiresAt + "]";
    }
}
