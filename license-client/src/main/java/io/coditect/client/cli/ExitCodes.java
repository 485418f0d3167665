package io.coditect.client.cli;

/**
 * The CLI's exit codes, one per kind of outcome, so scripts can branch without parsing text.
 * {@code run} returns the command's own exit code once the command has started.
 */
public final class ExitCodes {

    public static final int OK = 0;
    /** A bug or an unexpected local failure (unreadable config directory, ...). */
    public static final int INTERNAL = 1;
    /** Wrong options or arguments (picocli's convention). */
    public static final int USAGE = 2;
    public static final int NOT_LOGGED_IN = 3;
    /** The server cannot be reached and no offline lease covers for it. */
    public static final int NETWORK = 4;
    /** License, seat or login revoked (or license suspended): stop, no offline grace. */
    public static final int REVOKED = 5;
    /** Offline lease ran out, clock set back, or the license itself expired. */
    public static final int EXPIRED = 6;
    /** Daily command quota used up; the message says when it resets. */
    public static final int QUOTA_EXCEEDED = 7;
    public static final int NO_LICENSE = 8;
    public static final int SEATS_EXHAUSTED = 9;
    /** Licensed but offline, N days of grace left: still allowed (only from {@code license status|acquire}). */
    public static final int OFFLINE = 10;
    /** Interactive login did not complete (denied, code expired, timed out). */
    public static final int LOGIN_FAILED = 11;
    /** The server refused the request for another reason (email not verified, bad request, ...). */
    public static final int REFUSED = 12;
    /** A token or lease failed signature verification. */
    public static final int VERIFICATION_FAILED = 13;
    /** {@code run}: the command could not be started (as shells do). */
    public static final int COMMAND_NOT_FOUND = 127;

    private ExitCodes() {
    }

    /** The table printed at the end of {@code --help}. */
    static final String HELP_TABLE = """
            Exit codes:
              0    success (run: the command's own exit code)
              1    internal error
              2    usage error
              3    not logged in (run 'coditect login')
              4    network: server unreachable and no offline lease
              5    revoked (license, seat or login) or license suspended
              6    expired (offline lease, clock set back, or license)
              7    daily command quota exceeded (message says when it resets)
              8    no license for your tenant
              9    all seats in use
              10   offline, N days of grace left: still allowed
                   (license status/acquire only; run runs the command)
              11   login failed (denied, code expired, timeout)
              12   request refused by the server (e.g. email not verified)
              13   token or lease failed verification
              127  run: command could not be started""";
}
