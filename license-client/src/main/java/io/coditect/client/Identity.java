package io.coditect.client;

import java.time.Instant;
import java.util.List;

/** Who the stored login is, as the verified access token says (DESIGN §4 claims). */
public record Identity(
        String subject,
        String username,
        String email,
        String tenantId,
        String tier,
        String role,
        List<String> scopes,
        String licenseKey,
        Instant expiresAt) {

    public String maskedLicenseKey() {
        return LicenseKeyMask.mask(licenseKey);
    }

    public boolean isExpiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    /** The license key is a secret: only its mask may appear in output and logs. */
    @Override
    public String toString() {
        return "Identity[subject=" + subject + ", username=" + username + ", tenantId=" + tenantId
                + ", tier=" + tier + ", role=" + role + ", licenseKey=" + maskedLicenseKey() + "]";
    }
}
