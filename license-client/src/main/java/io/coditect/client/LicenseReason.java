package io.coditect.client;

/**
 * Why the validator is in its state, as a stable code. Server error codes
 * ({@code license_revoked}, {@code session_revoked}, {@code seats_exhausted}, ...) are passed
 * through unchanged; these are the ones the client adds.
 */
public final class LicenseReason {

    /** The server could not be reached (connect error, timeout, 5xx). */
    public static final String NETWORK = "network";
    public static final String NOT_LOGGED_IN = "not_logged_in";
    /** The refresh token was refused: the Keycloak session behind the login was revoked. */
    public static final String LOGIN_REVOKED = "login_revoked";
    public static final String LEASE_EXPIRED = "lease_expired";
    /** The local clock is earlier than a time the server already reported. */
    public static final String CLOCK_ROLLBACK = "clock_rollback";
    /** The lease names another device (copied from another machine). */
    public static final String LEASE_DEVICE_MISMATCH = "lease_device_mismatch";
    /** The lease's signature, type, issuer or claims did not verify. */
    public static final String INVALID_LEASE = "invalid_lease";
    /** Restarted from the lease on disk, not yet in contact with the server. */
    public static final String RESUMED = "resumed";
    public static final String RELEASED = "released";
    /** An unexpected failure inside the client (a bug, or an unreadable file). */
    public static final String CLIENT_ERROR = "client_error";

    private LicenseReason() {
    }
}
