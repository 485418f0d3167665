package io.coditect.client.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coditect.client.Json;
import io.coditect.client.LicenseReason;
import io.coditect.client.LicenseStatus;
import java.time.Clock;
import java.time.Duration;

/** What a {@link LicenseStatus} means for the user: a sentence, an exit code, a JSON document. */
final class LicenseReport {

    private LicenseReport() {
    }

    static int exitCode(LicenseStatus status) {
        return switch (status.state()) {
            case ONLINE -> ExitCodes.OK;
            case OFFLINE -> ExitCodes.OFFLINE;
            case EXPIRED -> ExitCodes.EXPIRED;
            case REVOKED -> ExitCodes.REVOKED;
            case UNLICENSED -> switch (String.valueOf(status.reason())) {
                case LicenseReason.NOT_LOGGED_IN, "invalid_token" -> ExitCodes.NOT_LOGGED_IN;
                case LicenseReason.NETWORK, LicenseReason.CLIENT_ERROR -> ExitCodes.NETWORK;
                case "seats_exhausted" -> ExitCodes.SEATS_EXHAUSTED;
                case LicenseReason.LEASE_DEVICE_MISMATCH, LicenseReason.INVALID_LEASE -> ExitCodes.VERIFICATION_FAILED;
                case "no_license", LicenseReason.RELEASED, "null" -> ExitCodes.NO_LICENSE;
                default -> ExitCodes.REFUSED;
            };
        };
    }

    static String describe(LicenseStatus status, String server, Clock clock) {
        String tier = status.tier() == null ? "" : " (" + status.tier() + ")";
        return switch (status.state()) {
            case ONLINE -> status.isSeatless()
                    ? "Licensed" + tier + ", no seat needed."
                    : "Licensed" + tier + ", online. Seat " + status.sessionId() + seats(status)
                      + ". Offline use possible until " + Durations.utc(status.leaseExpiresAt()) + ".";
            case OFFLINE -> "Licensed" + tier + ", OFFLINE: " + server + " cannot be reached. "
                    + status.graceRemaining().map(Durations::human).orElse("?") + " of offline use left (until "
                    + Durations.utc(status.leaseExpiresAt()) + ").";
            case EXPIRED -> expired(status, clock);
            case REVOKED -> revoked(status);
            case UNLICENSED -> unlicensed(status, server);
        };
    }

    static ObjectNode json(LicenseStatus status, String server, Clock clock) {
        ObjectNode node = Json.object();
        node.put("state", status.state().name());
        node.put("licensed", status.isLicensed());
        node.put("reason", status.reason());
        node.put("tier", status.tier());
        node.put("session_id", status.sessionId());
        node.put("lease_expires_at", status.leaseExpiresAt() == null ? null : status.leaseExpiresAt().toString());
        status.graceRemaining().ifPresent(d -> node.put("grace_remaining_seconds", d.toSeconds()));
        if (status.graceRemaining().isPresent()) {
            node.put("grace_remaining_days", status.graceRemaining().get().toDays());
        }
        node.put("last_server_time", status.lastServerTime() == null ? null : status.lastServerTime().toString());
        if (status.seatsMax() != null) {
            node.putObject("seats").put("used", status.seatsUsed()).put("max", status.seatsMax());
        }
        node.put("message", describe(status, server, clock));
        node.put("exit_code", exitCode(status));
        return node;
    }

    private static String seats(LicenseStatus status) {
        return status.seatsMax() == null ? "" : " (" + status.seatsUsed() + " of " + status.seatsMax() + " seats in use)";
    }

    private static String expired(LicenseStatus status, Clock clock) {
        return switch (String.valueOf(status.reason())) {
            case LicenseReason.CLOCK_ROLLBACK -> "License check failed: the system clock is earlier than the last time the server"
                    + " reported (" + Durations.utc(status.lastServerTime()) + "). Fix the clock and connect to the network.";
            case "license_expired" -> "This license has expired. Contact your administrator to renew it.";
            default -> "The offline lease expired " + (status.leaseExpiresAt() == null ? ""
                    : Durations.at(status.leaseExpiresAt(), clock) + " ")
                    + "and the server could not be reached to renew it. Connect to the network and try again.";
        };
    }

    private static String revoked(LicenseStatus status) {
        return switch (String.valueOf(status.reason())) {
            case "license_revoked" -> "This license has been revoked. Contact your administrator.";
            case "license_suspended" -> "This license is suspended. Contact your administrator.";
            case "session_revoked" -> "This device's license session was revoked. Run 'coditect license acquire' to take a"
                    + " seat again, or ask your administrator.";
            case LicenseReason.LOGIN_REVOKED -> "Your login session was revoked or expired; run 'coditect login'.";
            default -> "License revoked (" + status.reason() + ").";
        };
    }

    private static String unlicensed(LicenseStatus status, String server) {
        return switch (String.valueOf(status.reason())) {
            case LicenseReason.NOT_LOGGED_IN -> "Not logged in; run 'coditect login'.";
            case "invalid_token" -> "The server no longer accepts your login; run 'coditect login'.";
            case LicenseReason.NETWORK -> "Cannot reach " + server + " and there is no offline lease on this device.";
            case "no_license" -> "Your tenant has no CODITECT license.";
            case "seats_exhausted" -> "All seats of your license are in use. Free one with 'coditect sessions --revoke ID'"
                    + " or 'coditect license release' on another device.";
            case "email_not_verified" -> "Your email address is not verified yet. Follow the link in the verification email.";
            case LicenseReason.LEASE_DEVICE_MISMATCH -> "The stored lease belongs to another device and was discarded.";
            case LicenseReason.INVALID_LEASE -> "The lease failed signature verification and was discarded.";
            case LicenseReason.RELEASED -> "Seat released; this device holds no license.";
            case "null" -> "No license on this device.";
            default -> "Not licensed (" + status.reason() + ").";
        };
    }

    static String graceNote(LicenseStatus status) {
        Duration left = status.graceRemaining().orElse(Duration.ZERO);
        return "coditect: offline, " + Durations.human(left) + " of offline use left (until "
                + Durations.utc(status.leaseExpiresAt()) + ")";
    }
}
