package io.coditect.client;

/** The states of {@link HybridLicenseValidator} (DESIGN §6). */
public enum LicenseState {
    /** No license in hand: never acquired, released, refused, or not logged in. */
    UNLICENSED,
    /** The server confirmed the license recently (a seat with heartbeats, or the FREE tier). */
    ONLINE,
    /** The server cannot be reached; running on the signed lease until its exp. */
    OFFLINE,
    /** The lease ran out, the clock was set back, or the license itself expired. */
    EXPIRED,
    /** The license, the seat or the login was revoked: stop at once, no offline grace. */
    REVOKED;

    /** Whether work may proceed in this state. */
    public boolean isLicensed() {
        return this == ONLINE || this == OFFLINE;
    }
}
