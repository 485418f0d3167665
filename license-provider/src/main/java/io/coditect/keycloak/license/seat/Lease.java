package io.coditect.keycloak.license.seat;

import java.time.Instant;

/** A signed offline lease and when it runs out. */
public record Lease(String jws, Instant expiresAt) {
}
