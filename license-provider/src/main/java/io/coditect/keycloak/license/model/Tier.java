package io.coditect.keycloak.license.model;

import java.util.Locale;
import java.util.Optional;

/** The CODITECT product tiers. {@code NONE} appears only in tokens of users without a license. */
public enum Tier {
    FREE, PRO, ENTERPRISE;

    public static Optional<Tier> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(value.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Paid tiers hold seats on a heartbeat; FREE works offline without a seat. */
    public boolean paid() {
        return this != FREE;
    }
}
