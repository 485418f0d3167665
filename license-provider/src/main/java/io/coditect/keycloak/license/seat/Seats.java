package io.coditect.keycloak.license.seat;

import io.coditect.keycloak.license.model.License;
import io.coditect.keycloak.license.policy.TierPolicy;
import io.coditect.keycloak.license.policy.TierPolicyStore;
import io.coditect.keycloak.license.store.CoditectStoreProvider;
import io.coditect.store.Seat;
import io.coditect.store.SeatStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Seats of licenses, tied to Keycloak sessions: a seat whose Keycloak session has ended (logout,
 * revocation in the account console or admin API, expiry) is revoked the next time anyone looks
 * at the license, so it never blocks a new device. The event listener revokes them eagerly too.
 */
public final class Seats {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final Clock clock;

    public Seats(KeycloakSession session, RealmModel realm, Clock clock) {
        this.session = session;
        this.realm = realm;
        this.clock = clock;
    }

    public SeatStore store() {
        CoditectStoreProvider provider = session.getProvider(CoditectStoreProvider.class);
        if (provider == null) {
            throw new IllegalStateException("No coditect-store provider is enabled");
        }
        return provider.seats();
    }

    /** Live seats whose Keycloak session is still active; the others are revoked on the way. */
    public List<Seat> list(License license) {
        List<Seat> live = new ArrayList<>();
        for (Seat seat : store().list(license.id(), clock.instant())) {
            if (keycloakSessionActive(seat.keycloakSessionId())) {
                live.add(seat);
            } else {
                store().revoke(license.id(), seat.seatId(), tombstone(license));
            }
        }
        return live;
    }

    public Optional<Seat> revoke(License license, String seatId) {
        if (seatId == null || seatId.length() > 64) {
            return Optional.empty();
        }
        return store().revoke(license.id(), seatId, tombstone(license));
    }

    public void revokeAll(License license) {
        for (Seat seat : store().list(license.id(), clock.instant())) {
            store().revoke(license.id(), seat.seatId(), tombstone(license));
        }
    }

    /** Revokes the seats that the given Keycloak session acquired. */
    public int revokeOfKeycloakSession(License license, String keycloakSessionId) {
        int revoked = 0;
        for (Seat seat : store().list(license.id(), clock.instant())) {
            if (seat.keycloakSessionId() != null && seat.keycloakSessionId().equals(keycloakSessionId)) {
                store().revoke(license.id(), seat.seatId(), tombstone(license));
                revoked++;
            }
        }
        return revoked;
    }

    public boolean keycloakSessionActive(String keycloakSessionId) {
        if (keycloakSessionId == null) {
            return false;
        }
        return session.sessions().getUserSession(realm, keycloakSessionId) != null
                || session.sessions().getOfflineUserSession(realm, keycloakSessionId) != null;
    }

    public Duration tombstone(License license) {
        TierPolicy policy = TierPolicyStore.get(realm);
        int grace = license.gracePeriodDays() != null ? license.gracePeriodDays()
                : policy.rules(license.tier()).gracePeriodDays();
        return SeatTtl.tombstone(Math.max(grace, 7));
    }
}
