package io.coditect.store;

/** Outcome of {@link SeatStore#heartbeat}. */
public sealed interface HeartbeatResult {

    /** The seat is live; its expiry has been pushed forward. */
    record Alive(Seat seat) implements HeartbeatResult {
    }

    /** No such seat: it expired (or never existed). The client should acquire again. */
    record NotFound() implements HeartbeatResult {
    }

    /** The seat was revoked (tombstone present). The client must stop, with no offline grace. */
    record Revoked() implements HeartbeatResult {
    }
}
