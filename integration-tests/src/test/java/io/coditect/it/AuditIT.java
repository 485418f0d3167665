package io.coditect.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.coditect.it.support.CoditectStack;
import io.coditect.it.support.Http;
import io.coditect.it.support.KeycloakAdmin;
import io.coditect.it.support.Tokens;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Seat and quota activity lands in Keycloak's admin events, with user and IP, without secrets. */
@ExtendWith(CoditectStack.Extension.class)
class AuditIT {

    private final CoditectStack stack = CoditectStack.get();
    private final KeycloakAdmin admin = stack.admin();
    private final Tokens tokens = new Tokens(stack);

    @Test
    void seatAndQuotaEventsAreRecordedWithoutLicenseKeysOrTokens() throws Exception {
        KeycloakAdmin.TenantUser u = admin.tenantUser("audit", "PRO", 1);
        String userId = u.userId();
        String key = u.licenseKey();
        String token = tokens.password(u.username(), "pw").accessToken();

        String seat = Http.postJson(stack.realmUrl() + "/licenses/acquire", token, Map.of("device_id", "a1")).json()
                .get("session_id").asText();
        assertThat(Http.postJson(stack.realmUrl() + "/licenses/acquire", token, Map.of("device_id", "a2")).status())
                .isEqualTo(409);
        Http.postJson(stack.realmUrl() + "/licenses/release", token, Map.of("session_id", seat));
        admin.put("/licenses/" + u.licenseId(), Map.of("tier", "FREE"));
        JsonNode policy = admin.get("/licenses/policy").json();
        admin.setPolicy(Map.of("tiers", Map.of("FREE", Map.of("daily_command_quota", 0))));
        try {
            assertThat(Http.postJson(stack.realmUrl() + "/quota/commands", token, Map.of()).status()).isEqualTo(429);
        } finally {
            admin.setPolicy(policy);
        }

        List<String> actions = new ArrayList<>();
        for (JsonNode event : admin.get("/admin-events?max=500&authUser=" + userId).json()) {
            assertThat(event.at("/authDetails/userId").asText()).isEqualTo(userId);
            assertThat(event.at("/authDetails/ipAddress").asText()).isNotBlank();
            JsonNode rep = Http.JSON.readTree(event.path("representation").asText("{}"));
            actions.add(event.get("resourceType").asText() + ":" + rep.path("action").asText());
            assertThat(event.toString()).doesNotContain(key).doesNotContain(token);
        }
        assertThat(actions).contains("CODITECT_SEAT:acquire", "CODITECT_SEAT:seat_refused", "CODITECT_SEAT:release",
                "CODITECT_QUOTA:quota_exceeded");

        // The admin's own license writes are admin events too, key masked.
        // (Keycloak's resourceTypes filter only knows its own types; filter by path instead.)
        JsonNode adminWrites = admin.get("/admin-events?max=500&resourcePath=licenses/" + u.licenseId()).json();
        assertThat(adminWrites).isNotEmpty();
        for (JsonNode event : adminWrites) {
            assertThat(event.get("resourceType").asText()).startsWith("CODITECT_");
        }
        assertThat(adminWrites.toString()).contains(u.licenseId()).doesNotContain(key);

        // And nothing we log carries the key or the token.
        String log = Files.readString(stack.keycloak().log());
        assertThat(log).doesNotContain(key).doesNotContain(token);
    }
}
