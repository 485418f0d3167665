package io.coditect.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Behaviour every {@link SeatStore} must have; each implementation's test extends this class.
 * Times are explicit Instants far from the real clock, so nothing here depends on when it runs.
 */
abstract class SeatStoreContract {

    static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
    static final Duration TTL = Duration.ofMinutes(15);
    static final Duration TOMBSTONE_TTL = Duration.ofHours(1);
    static final String LICENSE = "lic-1";

    protected SeatStore store;

    /** A store with no seats. */
    protected abstract SeatStore newStore();

    @BeforeEach
    void createStore() {
        store = newStore();
    }

    static SeatRequest request(String user, String device, int maxSeats) {
        return new SeatRequest(LICENSE, user, device, "Laptop " + device, "kc-" + user + "-" + device, maxSeats, TTL);
    }

    static AcquireResult.Granted granted(AcquireResult result) {
        return assertThat(result).asInstanceOf(type(AcquireResult.Granted.class)).actual();
    }

    static AcquireResult.Exhausted exhausted(AcquireResult result) {
        return assertThat(result).asInstanceOf(type(AcquireResult.Exhausted.class)).actual();
    }

    Seat acquireSeat(String user, String device, int maxSeats, Instant now) {
        return granted(store.acquire(request(user, device, maxSeats), now)).seat();
    }

    @Test
    void firstAcquireGrantsANewSeat() {
        AcquireResult.Granted result = granted(store.acquire(request("alice", "d1", 3), T0));

        assertThat(result.reused()).isFalse();
        assertThat(result.used()).isEqualTo(1);
        Seat seat = result.seat();
        assertThat(seat.seatId()).isNotBlank();
        assertThat(seat).isEqualTo(new Seat(seat.seatId(), LICENSE, "alice", "d1", "Laptop d1", "kc-alice-d1",
                T0, T0, T0.plus(TTL)));
        assertThat(store.find(LICENSE, seat.seatId(), T0)).contains(seat);
    }

    @Test
    void reacquireFromTheSameDeviceReturnsTheSameSeatRefreshed() {
        Seat first = acquireSeat("alice", "d1", 3, T0);
        Instant later = T0.plus(Duration.ofMinutes(5));
        SeatRequest again = new SeatRequest(LICENSE, "alice", "d1", "Laptop d1", "kc-new-session", 3, TTL);

        AcquireResult.Granted result = granted(store.acquire(again, later));

        assertThat(result.reused()).isTrue();
        assertThat(result.used()).isEqualTo(1);
        assertThat(result.seat()).isEqualTo(new Seat(first.seatId(), LICENSE, "alice", "d1", "Laptop d1",
                "kc-new-session", T0, later, later.plus(TTL)));
        assertThat(store.list(LICENSE, later)).containsExactly(result.seat());
    }

    @Test
    void reacquireSucceedsEvenWhenTheLicenseIsFull() {
        Seat mine = acquireSeat("alice", "d1", 1, T0);

        AcquireResult.Granted result = granted(store.acquire(request("alice", "d1", 1), T0.plusSeconds(1)));

        assertThat(result.reused()).isTrue();
        assertThat(result.seat().seatId()).isEqualTo(mine.seatId());
    }

    @Test
    void theSameDeviceIdOfAnotherUserTakesItsOwnSeat() {
        Seat alice = acquireSeat("alice", "d1", 3, T0);
        AcquireResult.Granted bob = granted(store.acquire(request("bob", "d1", 3), T0));

        assertThat(bob.reused()).isFalse();
        assertThat(bob.used()).isEqualTo(2);
        assertThat(bob.seat().seatId()).isNotEqualTo(alice.seatId());
    }

    @Test
    void aFullLicenseRefusesAndListsItsActiveSeatsOldestFirst() {
        Seat first = acquireSeat("alice", "d1", 2, T0);
        Seat second = acquireSeat("bob", "d2", 2, T0.plusSeconds(1));

        AcquireResult.Exhausted result = exhausted(store.acquire(request("carol", "d3", 2), T0.plusSeconds(2)));

        assertThat(result.active()).containsExactly(first, second);
        assertThat(store.list(LICENSE, T0.plusSeconds(2))).containsExactly(first, second);
    }

    @Test
    void aLicenseWithoutSeatsRefusesEveryone() {
        assertThat(exhausted(store.acquire(request("alice", "d1", 0), T0)).active()).isEmpty();
        assertThat(store.list(LICENSE, T0)).isEmpty();
    }

    @Test
    void aSeatLivesUntilJustBeforeItsExpiry() {
        Seat seat = acquireSeat("alice", "d1", 3, T0);

        assertThat(store.find(LICENSE, seat.seatId(), T0.plus(TTL).minusMillis(1))).contains(seat);
        assertThat(store.find(LICENSE, seat.seatId(), T0.plus(TTL))).isEmpty();
        assertThat(store.list(LICENSE, T0.plus(TTL))).isEmpty();
    }

    @Test
    void expiredSeatsAreFreedForNewDevices() {
        acquireSeat("alice", "d1", 1, T0);
        exhausted(store.acquire(request("bob", "d2", 1), T0.plus(TTL).minusMillis(1)));

        AcquireResult.Granted bob = granted(store.acquire(request("bob", "d2", 1), T0.plus(TTL)));

        assertThat(bob.used()).isEqualTo(1);
        assertThat(store.list(LICENSE, T0.plus(TTL))).containsExactly(bob.seat());
    }

    @Test
    void reacquireAfterExpiryTakesANewSeat() {
        Seat old = acquireSeat("alice", "d1", 3, T0);

        AcquireResult.Granted result = granted(store.acquire(request("alice", "d1", 3), T0.plus(TTL)));

        assertThat(result.reused()).isFalse();
        assertThat(result.seat().seatId()).isNotEqualTo(old.seatId());
        assertThat(result.seat().createdAt()).isEqualTo(T0.plus(TTL));
    }

    @Test
    void heartbeatPushesTheExpiryForward() {
        Seat seat = acquireSeat("alice", "d1", 3, T0);
        Instant beat = T0.plus(Duration.ofMinutes(10));

        HeartbeatResult result = store.heartbeat(LICENSE, seat.seatId(), TTL, beat);

        Seat alive = assertThat(result).asInstanceOf(type(HeartbeatResult.Alive.class)).actual().seat();
        assertThat(alive).isEqualTo(new Seat(seat.seatId(), LICENSE, "alice", "d1", "Laptop d1", "kc-alice-d1",
                T0, beat, beat.plus(TTL)));
        assertThat(store.find(LICENSE, seat.seatId(), T0.plus(TTL).plusSeconds(60))).contains(alive);
    }

    @Test
    void heartbeatUsesTheTtlItIsGiven() {
        Seat seat = acquireSeat("alice", "d1", 3, T0);

        HeartbeatResult result = store.heartbeat(LICENSE, seat.seatId(), Duration.ofHours(2), T0.plusSeconds(1));

        assertThat(result).asInstanceOf(type(HeartbeatResult.Alive.class))
                .extracting(alive -> alive.seat().expiresAt()).isEqualTo(T0.plusSeconds(1).plus(Duration.ofHours(2)));
    }

    @Test
    void heartbeatAfterExpiryIsNotFound() {
        Seat seat = acquireSeat("alice", "d1", 3, T0);

        assertThat(store.heartbeat(LICENSE, seat.seatId(), TTL, T0.plus(TTL))).isInstanceOf(HeartbeatResult.NotFound.class);
        assertThat(store.find(LICENSE, seat.seatId(), T0)).isEmpty();
    }

    @Test
    void heartbeatOfAnUnknownSeatIsNotFound() {
        assertThat(store.heartbeat(LICENSE, "no-such-seat", TTL, T0)).isInstanceOf(HeartbeatResult.NotFound.class);
    }

    @Test
    void revokeFreesTheSeatAndLeavesATombstone() {
        Seat seat = acquireSeat("alice", "d1", 1, T0);

        assertThat(store.revoke(LICENSE, seat.seatId(), TOMBSTONE_TTL)).contains(seat);

        assertThat(store.isRevoked(LICENSE, seat.seatId())).isTrue();
        assertThat(store.heartbeat(LICENSE, seat.seatId(), TTL, T0.plusSeconds(1))).isInstanceOf(HeartbeatResult.Revoked.class);
        assertThat(store.find(LICENSE, seat.seatId(), T0.plusSeconds(1))).isEmpty();
        assertThat(store.list(LICENSE, T0.plusSeconds(1))).isEmpty();
        granted(store.acquire(request("bob", "d2", 1), T0.plusSeconds(1)));
    }

    @Test
    void aRevokedDeviceThatAcquiresAgainGetsANewSeat() {
        Seat revoked = acquireSeat("alice", "d1", 1, T0);
        store.revoke(LICENSE, revoked.seatId(), TOMBSTONE_TTL);

        AcquireResult.Granted again = granted(store.acquire(request("alice", "d1", 1), T0.plusSeconds(1)));

        assertThat(again.reused()).isFalse();
        assertThat(again.seat().seatId()).isNotEqualTo(revoked.seatId());
        assertThat(store.heartbeat(LICENSE, revoked.seatId(), TTL, T0.plusSeconds(2))).isInstanceOf(HeartbeatResult.Revoked.class);
    }

    @Test
    void releaseFreesTheSeatWithoutATombstone() {
        Seat seat = acquireSeat("alice", "d1", 1, T0);

        assertThat(store.isRevoked(LICENSE, seat.seatId())).isFalse();
        assertThat(store.release(LICENSE, seat.seatId())).contains(seat);
        assertThat(store.isRevoked(LICENSE, seat.seatId())).isFalse();

        assertThat(store.heartbeat(LICENSE, seat.seatId(), TTL, T0.plusSeconds(1))).isInstanceOf(HeartbeatResult.NotFound.class);
        assertThat(store.list(LICENSE, T0.plusSeconds(1))).isEmpty();
        granted(store.acquire(request("bob", "d2", 1), T0.plusSeconds(1)));
    }

    @Test
    void releasingOrRevokingAnUnknownSeatChangesNothing() {
        Seat seat = acquireSeat("alice", "d1", 3, T0);

        assertThat(store.release(LICENSE, "no-such-seat")).isEmpty();
        assertThat(store.revoke(LICENSE, "no-such-seat", TOMBSTONE_TTL)).isEmpty();

        assertThat(store.heartbeat(LICENSE, "no-such-seat", TTL, T0)).isInstanceOf(HeartbeatResult.NotFound.class);
        assertThat(store.list(LICENSE, T0)).containsExactly(seat);
    }

    @Test
    void listShowsTheLiveSeatsOfOneLicenseOldestFirst() {
        acquireSeat("alice", "d0", 5, T0.minus(TTL));
        Seat older = acquireSeat("bob", "d2", 5, T0);
        Seat newer = acquireSeat("alice", "d1", 5, T0.plusSeconds(1));
        store.acquire(new SeatRequest("other-license", "carol", "d3", null, null, 5, TTL), T0);

        assertThat(store.list(LICENSE, T0.plusSeconds(2))).containsExactly(older, newer);
    }

    @Test
    void licensesDoNotSeeEachOthersSeats() {
        Seat seat = acquireSeat("alice", "d1", 3, T0);

        assertThat(store.find("other-license", seat.seatId(), T0)).isEmpty();
        assertThat(store.heartbeat("other-license", seat.seatId(), TTL, T0)).isInstanceOf(HeartbeatResult.NotFound.class);
        assertThat(store.release("other-license", seat.seatId())).isEmpty();
        assertThat(store.find(LICENSE, seat.seatId(), T0)).contains(seat);
    }

    @Test
    void deviceNameAndKeycloakSessionAreOptional() {
        SeatRequest bare = new SeatRequest(LICENSE, "alice", "d1", null, null, 3, TTL);
        Seat seat = granted(store.acquire(bare, T0)).seat();

        assertThat(seat.deviceName()).isNull();
        assertThat(seat.keycloakSessionId()).isNull();
        assertThat(store.find(LICENSE, seat.seatId(), T0)).contains(seat);

        Seat bound = granted(store.acquire(new SeatRequest(LICENSE, "alice", "d1", null, "kc-1", 3, TTL), T0)).seat();
        assertThat(bound.keycloakSessionId()).isEqualTo("kc-1");
        Seat unbound = granted(store.acquire(bare, T0)).seat();
        assertThat(unbound.keycloakSessionId()).isNull();
    }

    @Test
    void concurrentAcquiresGrantExactlyTheFreeSeats() throws Exception {
        List<AcquireResult> results = Concurrently.run(50,
                i -> store.acquire(request("user-" + i, "device-" + i, 3), T0));

        assertThat(results).filteredOn(AcquireResult.Granted.class::isInstance).hasSize(3);
        assertThat(results).filteredOn(AcquireResult.Exhausted.class::isInstance).hasSize(47)
                .allSatisfy(result -> assertThat(((AcquireResult.Exhausted) result).active()).hasSize(3));
        assertThat(store.list(LICENSE, T0)).hasSize(3);
    }

    @Test
    void concurrentAcquiresFromOneDeviceShareOneSeat() throws Exception {
        List<AcquireResult> results = Concurrently.run(20, i -> store.acquire(request("alice", "d1", 3), T0));

        List<AcquireResult.Granted> grants = results.stream().map(SeatStoreContract::granted).toList();
        assertThat(grants).extracting(grant -> grant.seat().seatId()).containsOnly(grants.get(0).seat().seatId());
        assertThat(grants).filteredOn(grant -> !grant.reused()).hasSize(1);
        assertThat(store.list(LICENSE, T0)).hasSize(1);
    }
}
