package io.coditect.client;

import java.time.Duration;
import java.util.Optional;

/**
 * The server could not be reached or could not serve (connect error, timeout, 5xx, 503).
 * This is what the license state machine counts as a network failure.
 */
public class ServerUnavailableException extends CoditectException {

    private final int status;
    private final Duration retryAfter;

    public ServerUnavailableException(String message, Throwable cause) {
        super("network", message, cause);
        this.status = 0;
        this.retryAfter = null;
    }

    public ServerUnavailableException(int status, String message, Duration retryAfter) {
        super("network", message, null);
        this.status = status;
        this.retryAfter = retryAfter;
    }

    /** The HTTP status, or 0 when no answer arrived. */
    public int status() {
        return status;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
