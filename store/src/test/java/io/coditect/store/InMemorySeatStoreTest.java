package io.coditect.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class InMemorySeatStoreTest extends SeatStoreContract {

    private final MutableClock clock = new MutableClock(T0);

    @Override
    protected SeatStore newStore() {
        return new InMemorySeatStore(clock);
    }

    @Test
    void aTombstoneEndsAfterItsTtlOnTheStoreClock() {
        Seat seat = acquireSeat("alice", "d1", 1, T0);
        store.revoke(LICENSE, seat.seatId(), TOMBSTONE_TTL);

        clock.advance(TOMBSTONE_TTL.minusMillis(1));
        assertThat(store.heartbeat(LICENSE, seat.seatId(), TTL, T0)).isInstanceOf(HeartbeatResult.Revoked.class);

        clock.advance(Duration.ofMillis(1));
        assertThat(store.heartbeat(LICENSE, seat.seatId(), TTL, T0)).isInstanceOf(HeartbeatResult.NotFound.class);
    }

    @Test
    void timesAreKeptToTheMillisecondLikeRedis() {
        Seat seat = granted(store.acquire(request("alice", "d1", 1), T0.plusNanos(1_500_000))).seat();

        assertThat(seat.createdAt()).isEqualTo(T0.plusMillis(1));
        assertThat(seat.expiresAt()).isEqualTo(T0.plusMillis(1).plus(TTL));
    }

    @Test
    void aRequestWithoutItsRequiredFieldsIsRefused() {
        assertThatThrownBy(() -> new SeatRequest(LICENSE, " ", "d1", null, null, 1, TTL))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("userId");
        assertThatThrownBy(() -> new SeatRequest(LICENSE, "alice", "d1", null, null, -1, TTL))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxSeats");
        assertThatThrownBy(() -> new SeatRequest(LICENSE, "alice", "d1", null, null, 1, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ttl");
    }
}
