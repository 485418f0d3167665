package io.coditect.keycloak.license.model;

import java.time.Instant;

/**
 * A license as the rest of the code sees it (immutable; the JPA entity stays behind
 * {@link LicenseStore}). {@code gracePeriodDays} null means "the tier's default".
 */
public record License(
        String id,
        String realmId,
        String tenantId,
        String licenseKey,
        Tier tier,
        int seats,
        LicenseStatus status,
        Instant expiresAt,
        Integer gracePeriodDays,
        Instant createdAt,
        Instant updatedAt) {

    public boolean expiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    static License of(LicenseEntity e) {
        return new License(e.getId(), e.getRealmId(), e.getTenantId(), e.getLicenseKey(),
                Tier.valueOf(e.getTier()), e.getSeats(), LicenseStatus.valueOf(e.getStatus()),
                e.getExpiresAt() == null ? null : Instant.ofEpochMilli(e.getExpiresAt()),
                e.getGracePeriodDays(), Instant.ofEpochMilli(e.getCreatedAt()), Instant.ofEpochMilli(e.getUpdatedAt()));
    }
}
