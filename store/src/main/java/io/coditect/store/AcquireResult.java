package io.coditect.store;

import java.util.List;

/** Outcome of {@link SeatStore#acquire}: a seat, or the license is full. */
public sealed interface AcquireResult {

    /**
     * @param seat     the seat held by the caller's device
     * @param reused   true when the same user and device already held a live seat (idempotent re-acquire)
     * @param used     seats in use on the license after this call
     */
    record Granted(Seat seat, boolean reused, int used) implements AcquireResult {
    }

    /** @param active the live seats of the license at the time of refusal */
    record Exhausted(List<Seat> active) implements AcquireResult {
    }
}
