package io.coditect.store;

import java.util.Comparator;

/** The order in which both stores list seats: oldest first, seat id breaking ties so the order is total. */
final class SeatOrder {

    static final Comparator<Seat> OLDEST_FIRST =
            Comparator.comparing(Seat::createdAt).thenComparing(Seat::seatId);

    private SeatOrder() {
    }
}
