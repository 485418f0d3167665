package io.coditect.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** The device authorization response (RFC 8628 §3.2): what to show the user and how to poll. */
public record DeviceAuthorization(
        String deviceCode,
        String userCode,
        URI verificationUri,
        URI verificationUriComplete,
        Instant expiresAt,
        Duration interval) {

    // RFC 8628 §3.2: "If no value is provided, clients MUST use 5 as the default."
    static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);

    static DeviceAuthorization from(JsonNode body, Clock clock) {
        Long expiresIn = Json.longValue(body, "expires_in");
        Long interval = Json.longValue(body, "interval");
        String complete = Json.text(body, "verification_uri_complete");
        String verification = Json.text(body, "verification_uri");
        return new DeviceAuthorization(
                Json.text(body, "device_code"),
                Json.text(body, "user_code"),
                verification == null ? null : URI.create(verification),
                complete == null ? null : URI.create(complete),
                clock.instant().plusSeconds(expiresIn == null ? 600 : expiresIn),
                interval == null || interval <= 0 ? DEFAULT_INTERVAL : Duration.ofSeconds(interval));
    }

    /** The link that needs no typing when the server offers one. */
    public URI bestUri() {
        return verificationUriComplete != null ? verificationUriComplete : verificationUri;
    }

    @Override
    public String toString() {
        return "DeviceAuthorization[userCode=" + userCode + ", verificationUri=" + verificationUri + "]";
    }
}
