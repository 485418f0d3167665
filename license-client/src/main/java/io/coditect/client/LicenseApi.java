package io.coditect.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The realm's {@code /licenses} resource (DESIGN §5), one method per endpoint. */
public final class LicenseApi {

    private final BearerClient http;

    public LicenseApi(BearerClient http) {
        this.http = http;
    }

    public LicenseGrant acquire(String deviceId, String deviceName, String clientVersion) {
        ObjectNode body = Json.object().put("device_id", deviceId);
        if (deviceName != null) {
            body.put("device_name", deviceName);
        }
        if (clientVersion != null) {
            body.put("client_version", clientVersion);
        }
        return LicenseGrant.from(http.callForJson("POST", "/licenses/acquire", body));
    }

    public HeartbeatResult heartbeat(String sessionId) {
        return HeartbeatResult.from(http.callForJson("POST", "/licenses/heartbeat",
                Json.object().put("session_id", sessionId)));
    }

    public LicenseGrant reconnect(String lease, String deviceId) {
        return LicenseGrant.from(http.callForJson("POST", "/licenses/reconnect",
                Json.object().put("lease", lease).put("device_id", deviceId)));
    }

    public void release(String sessionId) {
        http.call("POST", "/licenses/release", Json.object().put("session_id", sessionId));
    }

    public List<SeatSession> sessions() {
        JsonNode body = http.callForJson("GET", "/licenses/sessions", null);
        List<SeatSession> sessions = new ArrayList<>();
        body.path("sessions").forEach(node -> sessions.add(SeatSession.from(node)));
        return sessions;
    }

    public void revokeSession(String sessionId) {
        http.call("DELETE", "/licenses/sessions/" + URLEncoder.encode(sessionId, StandardCharsets.UTF_8), null);
    }
}
