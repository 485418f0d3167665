package io.coditect.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Reads seats out of script replies. A seat is the list of its hash fields in the order of
 * {@code FIELDS} in seat-lib.lua: sid, uid, dev, name, ksid, created, hb, exp (absent ones null).
 */
final class SeatReply {

    private static final int FIELD_COUNT = 8;

    static Seat seat(String licenseId, Object reply) {
        List<?> fields = ScriptReply.list(reply);
        if (fields.size() != FIELD_COUNT) {
            throw new IllegalStateException("seat reply has " + fields.size() + " fields, expected " + FIELD_COUNT);
        }
        return new Seat(
                text(fields.get(0)),
                licenseId,
                text(fields.get(1)),
                text(fields.get(2)),
                text(fields.get(3)),
                text(fields.get(4)),
                instant(fields.get(5)),
                instant(fields.get(6)),
                instant(fields.get(7)));
    }

    /** An empty list stands for "no seat". */
    static Optional<Seat> optionalSeat(String licenseId, Object reply) {
        return ScriptReply.list(reply).isEmpty() ? Optional.empty() : Optional.of(seat(licenseId, reply));
    }

    static List<Seat> seats(String licenseId, Object reply) {
        return ScriptReply.list(reply).stream()
                .map(item -> seat(licenseId, item))
                .sorted(SeatOrder.OLDEST_FIRST)
                .toList();
    }

    private static String text(Object field) {
        return field == null ? null : field.toString();
    }

    private static Instant instant(Object field) {
        if (field == null) {
            throw new IllegalStateException("seat reply lacks a time field");
        }
        return Instant.ofEpochMilli(Long.parseLong(field.toString()));
    }

    private SeatReply() {
    }
}
