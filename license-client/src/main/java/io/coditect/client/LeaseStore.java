package io.coditect.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The license on disk ({@code license.json}, 0600): lease, seat session, and the last
 * server time seen, so a restarted client resumes offline with the same expiry and can
 * still tell when the clock has been set back.
 */
public final class LeaseStore {

    static final String FILE_NAME = "license.json";

    /** What is kept between runs. The lease is re-verified on load, never trusted from disk. */
    public record StoredLicense(String lease, String sessionId, String tier,
                                Instant lastServerTime, Duration heartbeatInterval) {
        @Override
        public String toString() {
            return "StoredLicense[sessionId=" + sessionId + ", tier=" + tier + ", lastServerTime=" + lastServerTime + "]";
        }
    }

    private final Path file;
    private final String issuer;

    public LeaseStore(Path configDir, String issuer) {
        this.file = configDir.resolve(FILE_NAME);
        this.issuer = issuer;
    }

    public Optional<StoredLicense> load() {
        return SecureFiles.read(file)
                .map(Json::parseLenient)
                .filter(node -> issuer.equals(Json.text(node, "issuer")))
                .filter(node -> Json.text(node, "lease") != null)
                .map(LeaseStore::fromJson);
    }

    public void save(StoredLicense license) {
        ObjectNode node = Json.object();
        node.put("issuer", issuer);
        node.put("lease", license.lease());
        node.put("session_id", license.sessionId());
        node.put("tier", license.tier());
        node.put("last_server_time", license.lastServerTime() == null ? null : license.lastServerTime().toString());
        if (license.heartbeatInterval() != null) {
            node.put("heartbeat_interval", license.heartbeatInterval().toSeconds());
        }
        SecureFiles.writePrivate(file, Json.writePretty(node) + "\n");
    }

    public void clear() {
        SecureFiles.delete(file);
    }

    public Path file() {
        return file;
    }

    private static StoredLicense fromJson(JsonNode node) {
        Long interval = Json.longValue(node, "heartbeat_interval");
        return new StoredLicense(
                Json.text(node, "lease"),
                Json.text(node, "session_id"),
                Json.text(node, "tier"),
                Json.instant(node, "last_server_time"),
                interval == null ? null : Duration.ofSeconds(interval));
    }
}
