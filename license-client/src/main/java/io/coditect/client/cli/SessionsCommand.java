package io.coditect.client.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coditect.client.CoditectClient;
import io.coditect.client.Json;
import io.coditect.client.SeatSession;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code coditect sessions [--revoke ID]}: the seats in use, and freeing one. */
@Command(name = "sessions", description = {
    "List license seats in use (yours; tenant owners and admins see the whole license's).",
    "--revoke ID frees a seat: that device's next heartbeat is refused."})
final class SessionsCommand implements Callable<Integer> {

    @ParentCommand
    CoditectCommand root;

    @Option(names = "--revoke", paramLabel = "ID", description = "Revoke the seat with this session id.")
    String revoke;

    @Override
    public Integer call() {
        CoditectClient client = root.client();
        if (revoke != null) {
            client.licenses().revokeSession(revoke);
            root.output().result("Revoked session " + revoke + ". That device stops at its next heartbeat.",
                    Json.object().put("revoked", revoke));
            return ExitCodes.OK;
        }
        List<SeatSession> sessions = client.licenses().sessions();
        String thisDevice = client.deviceId();
        ObjectNode json = Json.object();
        ArrayNode array = json.putArray("sessions");
        StringBuilder human = new StringBuilder();
        human.append(String.format("%-2s %-38s %-24s %-17s %-17s\n", "", "SESSION", "DEVICE", "LAST HEARTBEAT", "EXPIRES"));
        for (SeatSession s : sessions) {
            boolean mine = thisDevice.equals(s.deviceId());
            array.addObject()
                    .put("session_id", s.sessionId())
                    .put("device_id", s.deviceId())
                    .put("device_name", s.deviceName())
                    .put("user_id", s.userId())
                    .put("created_at", text(s.createdAt()))
                    .put("last_heartbeat_at", text(s.lastHeartbeatAt()))
                    .put("expires_at", text(s.expiresAt()))
                    .put("current", s.current())
                    .put("this_device", mine);
            String device = s.deviceName() != null ? s.deviceName() : s.deviceId();
            human.append(String.format("%-2s %-38s %-24s %-17s %-17s\n", mine ? "*" : "", s.sessionId(),
                    device, Durations.utc(s.lastHeartbeatAt()), Durations.utc(s.expiresAt())));
        }
        if (sessions.isEmpty()) {
            human.setLength(0);
            human.append("No seats in use.");
        } else {
            human.append("(* = this device)");
        }
        root.output().result(human.toString(), json);
        return ExitCodes.OK;
    }

    private static String text(java.time.Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
