package io.coditect.client;

/**
 * Base of the client's failures. {@link #code()} is a stable machine-readable code (the
 * server's {@code error} where there is one), which the CLI maps to exit codes.
 */
public class CoditectException extends RuntimeException {

    private final String code;

    public CoditectException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
