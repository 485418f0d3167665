package io.coditect.client;

import java.time.Duration;

/**
 * Tunables of the validator. Defaults follow DESIGN §6: OFFLINE after 3 network failures,
 * reconnect hourly, 5 minutes of clock tolerance, 300 s heartbeat until the server says.
 */
public record ValidatorSettings(
        int maxNetworkFailures,
        Duration reconnectInterval,
        Duration clockTolerance,
        Duration defaultHeartbeatInterval,
        String deviceName,
        String clientVersion) {

    public static ValidatorSettings defaults() {
        return new ValidatorSettings(3, Duration.ofHours(1), Duration.ofMinutes(5), Duration.ofSeconds(300),
                null, ClientVersion.current());
    }

    public ValidatorSettings withReconnectInterval(Duration interval) {
        return new ValidatorSettings(maxNetworkFailures, interval, clockTolerance, defaultHeartbeatInterval, deviceName, clientVersion);
    }

    public ValidatorSettings withClockTolerance(Duration tolerance) {
        return new ValidatorSettings(maxNetworkFailures, reconnectInterval, tolerance, defaultHeartbeatInterval, deviceName, clientVersion);
    }

    public ValidatorSettings withDeviceName(String name) {
        return new ValidatorSettings(maxNetworkFailures, reconnectInterval, clockTolerance, defaultHeartbeatInterval, name, clientVersion);
    }
}
