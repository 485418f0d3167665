package io.coditect.store;

/**
 * Names of a license's Redis keys. The license id is the Redis Cluster hash tag, so every key
 * of one license lives in one slot and a single Lua script may touch them all. The scripts
 * build the per-seat names themselves from {@link #base}; seat-lib.lua documents the layout.
 */
final class SeatKeys {

    private final String prefix;

    SeatKeys(String prefix) {
        this.prefix = KeyPrefix.check(prefix);
    }

    String base(String licenseId) {
        if (licenseId == null || licenseId.isBlank()) {
            throw new IllegalArgumentException("licenseId is required");
        }
        return prefix + "lic:{" + licenseId + "}:";
    }

    String seats(String licenseId) {
        return base(licenseId) + "seats";
    }

    String seat(String licenseId, String seatId) {
        return base(licenseId) + "seat:" + requireSeatId(seatId);
    }

    String device(String licenseId, String userId, String deviceId) {
        return base(licenseId) + "dev:" + userId + ":" + deviceId;
    }

    String tombstone(String licenseId, String seatId) {
        return base(licenseId) + "revoked:" + requireSeatId(seatId);
    }

    private static String requireSeatId(String seatId) {
        if (seatId == null || seatId.isEmpty()) {
            throw new IllegalArgumentException("seatId is required");
        }
        return seatId;
    }
}
