package io.coditect.client.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A failure with its exit code, machine-readable code and a sentence for the user. */
final class CliFailure extends RuntimeException {

    private final int exitCode;
    private final String code;
    private final transient ObjectNode details;

    CliFailure(int exitCode, String code, String message) {
        this(exitCode, code, message, null);
    }

    CliFailure(int exitCode, String code, String message, ObjectNode details) {
        super(message);
        this.exitCode = exitCode;
        this.code = code;
        this.details = details;
    }

    int exitCode() {
        return exitCode;
    }

    String code() {
        return code;
    }

    ObjectNode details() {
        return details;
    }
}
