package io.coditect.keycloak.license.model;

import java.util.Locale;
import java.util.Optional;

public enum LicenseStatus {
    ACTIVE, SUSPENDED, REVOKED;

    public static Optional<LicenseStatus> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(value.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
