package io.coditect.keycloak.license.tenant;

import io.coditect.keycloak.license.api.ApiError;
import io.coditect.keycloak.license.api.Json;
import io.coditect.keycloak.license.model.License;
import io.coditect.keycloak.license.model.LicenseStatus;
import io.coditect.keycloak.license.model.Tier;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keycloak.models.OrganizationModel;

/**
 * The part of a tenant's license that tokens and the seat endpoints need, kept as attributes of
 * the tenant's organization. Keycloak caches organizations and invalidates them across the cluster, so the
 * claims mapper reads this without a database round trip, and a change made through the admin
 * API is in the very next token on every node. The license table stays the source of truth;
 * {@link TenantLicenses} writes both in one transaction.
 */
public record LicenseSummary(String licenseId, Tier tier, String licenseKey, LicenseStatus status, Instant expiresAt,
        int seats, Integer gracePeriodDays) {

    static final String ID = "coditect.license.id";
    static final String TIER = "coditect.license.tier";
    static final String KEY = "coditect.license.key";
    static final String STATUS = "coditect.license.status";
    static final String EXPIRES_AT = "coditect.license.expires_at";
    static final String SEATS = "coditect.license.seats";
    static final String GRACE = "coditect.license.grace_period_days";

    public static LicenseSummary of(License license) {
        return new LicenseSummary(license.id(), license.tier(), license.licenseKey(), license.status(),
                license.expiresAt(), license.seats(), license.gracePeriodDays());
    }

    /** The license as the seat endpoints need it, without a database read. */
    public License toLicense(String realmId, String tenantId) {
        return new License(licenseId, realmId, tenantId, licenseKey, tier, seats, status, expiresAt, gracePeriodDays,
                null, null);
    }

    public boolean usableAt(Instant now) {
        return status == LicenseStatus.ACTIVE && (expiresAt == null || now.isBefore(expiresAt));
    }

    /** Why this license cannot be used now (the 403 of the HTTP contract), or empty if it can. */
    public Optional<ApiError> refusal(Instant now) {
        if (status == LicenseStatus.REVOKED) {
            return Optional.of(ApiError.of(403, "license_revoked", "This license has been revoked."));
        }
        if (status == LicenseStatus.SUSPENDED) {
            return Optional.of(ApiError.of(403, "license_suspended",
                    "This license is suspended. Contact your administrator."));
        }
        if (expiresAt != null && !now.isBefore(expiresAt)) {
            return Optional.of(ApiError.of(403, "license_expired", "This license expired on " + Json.time(expiresAt) + "."));
        }
        return Optional.empty();
    }

    public static Optional<LicenseSummary> readFrom(OrganizationModel tenant) {
        Map<String, List<String>> attributes = tenant.getAttributes();
        String id = first(attributes, ID);
        Optional<Tier> tier = Tier.parse(first(attributes, TIER));
        Optional<LicenseStatus> status = LicenseStatus.parse(first(attributes, STATUS));
        if (id == null || tier.isEmpty() || status.isEmpty()) {
            return Optional.empty();
        }
        try {
            String expires = first(attributes, EXPIRES_AT);
            Instant expiresAt = expires == null || expires.isBlank() ? null : Instant.ofEpochMilli(Long.parseLong(expires));
            // A summary without seats was written by an older version: read as missing, so it is rebuilt.
            String seats = first(attributes, SEATS);
            if (seats == null) {
                return Optional.empty();
            }
            String grace = first(attributes, GRACE);
            Integer graceDays = grace == null || grace.isBlank() ? null : Integer.valueOf(grace);
            return Optional.of(new LicenseSummary(id, tier.get(), first(attributes, KEY), status.get(), expiresAt,
                    Integer.parseInt(seats), graceDays));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    void writeTo(OrganizationModel tenant) {
        Map<String, List<String>> attributes = new HashMap<>(tenant.getAttributes());
        attributes.put(ID, List.of(licenseId));
        attributes.put(TIER, List.of(tier.name()));
        attributes.put(KEY, List.of(licenseKey));
        attributes.put(STATUS, List.of(status.name()));
        attributes.put(EXPIRES_AT, List.of(expiresAt == null ? "" : Long.toString(expiresAt.toEpochMilli())));
        attributes.put(SEATS, List.of(Integer.toString(seats)));
        attributes.put(GRACE, List.of(gracePeriodDays == null ? "" : Integer.toString(gracePeriodDays)));
        tenant.setAttributes(attributes);
    }

    static void clearFrom(OrganizationModel tenant) {
        Map<String, List<String>> attributes = new HashMap<>(tenant.getAttributes());
        for (String key : List.of(ID, TIER, KEY, STATUS, EXPIRES_AT, SEATS, GRACE)) {
            attributes.remove(key);
        }
        tenant.setAttributes(attributes);
    }

    private static String first(Map<String, List<String>> attributes, String key) {
        List<String> values = attributes.get(key);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
