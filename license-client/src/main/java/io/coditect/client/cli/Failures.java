package io.coditect.client.cli;

import io.coditect.client.ApiErrorException;
import io.coditect.client.CoditectException;
import io.coditect.client.Json;
import io.coditect.client.JwtVerificationException;
import io.coditect.client.LoginFailedException;
import io.coditect.client.LoginRevokedException;
import io.coditect.client.NotLoggedInException;
import io.coditect.client.QuotaExceededException;
import io.coditect.client.ServerUnavailableException;
import java.io.UncheckedIOException;
import java.time.Clock;

/** Turns any failure into a {@link CliFailure}: the one place exceptions meet exit codes. */
final class Failures {

    private Failures() {
    }

    static CliFailure from(Throwable failure, Clock clock) {
        if (failure instanceof CliFailure cli) {
            return cli;
        }
        if (failure instanceof NotLoggedInException e) {
            return new CliFailure(ExitCodes.NOT_LOGGED_IN, e.code(), e.getMessage());
        }
        if (failure instanceof LoginRevokedException e) {
            return new CliFailure(ExitCodes.REVOKED, e.code(), e.getMessage());
        }
        if (failure instanceof LoginFailedException e) {
            return new CliFailure(ExitCodes.LOGIN_FAILED, e.code(), e.getMessage());
        }
        if (failure instanceof QuotaExceededException e) {
            return quotaExceeded(e, clock);
        }
        if (failure instanceof ServerUnavailableException e) {
            return new CliFailure(ExitCodes.NETWORK, "network", e.getMessage()
                    + e.retryAfter().map(d -> " (retry in " + Durations.human(d) + ")").orElse(""));
        }
        if (failure instanceof ApiErrorException e) {
            return fromServerError(e);
        }
        if (failure instanceof JwtVerificationException e) {
            return new CliFailure(ExitCodes.VERIFICATION_FAILED, e.code(), "Verification failed: " + e.getMessage());
        }
        if (failure instanceof CoditectException e) {
            // discovery or JWKS unusable: a server-side or configuration problem, not ours
            return new CliFailure(ExitCodes.NETWORK, e.code(), e.getMessage());
        }
        if (failure instanceof UncheckedIOException e) {
            return new CliFailure(ExitCodes.INTERNAL, "io_error", e.getMessage());
        }
        return new CliFailure(ExitCodes.INTERNAL, "internal_error", "Unexpected error: " + failure);
    }

    static CliFailure fromServerError(ApiErrorException e) {
        String code = e.code();
        return switch (code) {
            case "invalid_token" -> new CliFailure(ExitCodes.NOT_LOGGED_IN, code,
                    "The server no longer accepts your login; run 'coditect login'.");
            case "license_revoked", "session_revoked", "license_suspended" ->
                    new CliFailure(ExitCodes.REVOKED, code, e.getMessage());
            case "license_expired" -> new CliFailure(ExitCodes.EXPIRED, code, e.getMessage());
            case "no_license" -> new CliFailure(ExitCodes.NO_LICENSE, code, e.getMessage());
            case "seats_exhausted" -> new CliFailure(ExitCodes.SEATS_EXHAUSTED, code, e.getMessage()
                    + " See 'coditect sessions'.", e.body().isObject() ? (com.fasterxml.jackson.databind.node.ObjectNode) e.body() : null);
            default -> new CliFailure(ExitCodes.REFUSED, code, e.getMessage() + " (HTTP " + e.status() + ")");
        };
    }

    static CliFailure quotaExceeded(QuotaExceededException e, Clock clock) {
        String reset = e.resetAt() == null ? "" : " Resets " + Durations.at(e.resetAt(), clock) + ".";
        var details = Json.object();
        if (e.limit() != null) {
            details.put("limit", e.limit());
        }
        details.put("reset_at", e.resetAt() == null ? null : e.resetAt().toString());
        return new CliFailure(ExitCodes.QUOTA_EXCEEDED, "quota_exceeded", e.getMessage() + reset, details);
    }
}
