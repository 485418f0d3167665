package io.coditect.client;

import java.io.IOException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Sends one request and sorts the outcome: no answer or a 5xx becomes
 * {@link ServerUnavailableException}; anything else is returned for the caller to read.
 */
public final class ServerCall {

    private ServerCall() {
    }

    public static TransportResponse send(HttpTransport transport, TransportRequest request) {
        TransportResponse response;
        try {
            response = transport.send(request);
        } catch (IOException e) {
            throw new ServerUnavailableException("cannot reach " + request.uri().getHost()
                    + portSuffix(request) + ": " + describe(e), e);
        }
        if (response.status() >= 500) {
            String error = Json.text(Json.parseLenient(response.body()), "error");
            throw new ServerUnavailableException(response.status(),
                    "server unavailable (HTTP " + response.status() + (error == null ? "" : ", " + error) + ")",
                    retryAfter(response));
        }
        return response;
    }

    static Duration retryAfter(TransportResponse response) {
        String value = response.header("Retry-After").orElse(null);
        if (value == null) {
            return null;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException ignored) {
                return null;
            }
        }
    }

    private static String portSuffix(TransportRequest request) {
        return request.uri().getPort() < 0 ? "" : ":" + request.uri().getPort();
    }

    private static String describe(IOException e) {
        if (e instanceof java.net.ConnectException) {
            return "connection refused";
        }
        if (e instanceof java.net.http.HttpTimeoutException) {
            return "timed out";
        }
        if (e instanceof java.net.UnknownHostException) {
            return "unknown host";
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
