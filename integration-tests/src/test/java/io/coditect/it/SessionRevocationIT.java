package io.coditect.it;

import static io.coditect.it.LicenseAdminIT.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.coditect.it.support.CoditectStack;
import io.coditect.it.support.Http;
import io.coditect.it.support.KeycloakAdmin;
import io.coditect.it.support.Tokens;
import io.coditect.it.support.Tokens.TokenSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Keycloak's own session revocation (account REST API) is honoured by our endpoints at once. */
@ExtendWith(CoditectStack.Extension.class)
class SessionRevocationIT {

    private final CoditectStack stack = CoditectStack.get();
    private final KeycloakAdmin admin = stack.admin();
    private final Tokens tokens = new Tokens(stack);

    @Test
    void revokingOneSessionKillsItsTokensHereAndLogoutAllKillsBoth() {
        String username = admin.tenantUser("sessions", "PRO", 3).username();
        TokenSet laptop = tokens.password(username, "pw");
        TokenSet desktop = tokens.password(username, "pw");
        String laptopSeat = acquire(laptop, "laptop");
        String desktopSeat = acquire(desktop, "desktop");

        JsonNode sessions = Http.get(stack.realmUrl() + "/account/sessions", desktop.accessToken()).json();
        assertThat(sessions).hasSize(2);
        String laptopSid = laptop.access().get("sid").asText();
        assertThat(Http.delete(stack.realmUrl() + "/account/sessions/" + laptopSid, desktop.accessToken()).status())
                .isEqualTo(204);

        assertError(heartbeat(laptop, laptopSeat), 401, "invalid_token");
        assertError(Http.postJson(stack.realmUrl() + "/quota/commands", laptop.accessToken(), Map.of()), 401,
                "invalid_token");
        assertThat(heartbeat(desktop, desktopSeat).status()).isEqualTo(200);
        assertThat(Http.postJson(stack.realmUrl() + "/quota/commands", desktop.accessToken(), Map.of()).status())
                .isEqualTo(200);
        // The laptop's seat died with its session.
        assertThat(Http.get(stack.realmUrl() + "/licenses/sessions", desktop.accessToken()).json().get("sessions"))
                .hasSize(1);

        // "Log out all devices", the caller's own session included.
        assertThat(Http.delete(stack.realmUrl() + "/account/sessions?current=true", desktop.accessToken()).status())
                .isEqualTo(204);
        assertError(heartbeat(desktop, desktopSeat), 401, "invalid_token");
        assertError(Http.postJson(stack.realmUrl() + "/quota/commands", desktop.accessToken(), Map.of()), 401,
                "invalid_token");
        TokenSet fresh = tokens.password(username, "pw");
        assertThat(Http.get(stack.realmUrl() + "/licenses/sessions", fresh.accessToken()).json().get("sessions"))
                .isEmpty();
    }

    private String acquire(TokenSet t, String device) {
        Http.Reply r = Http.postJson(stack.realmUrl() + "/licenses/acquire", t.accessToken(), Map.of("device_id", device));
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        return r.json().get("session_id").asText();
    }

    private Http.Reply heartbeat(TokenSet t, String seat) {
        return Http.postJson(stack.realmUrl() + "/licenses/heartbeat", t.accessToken(), Map.of("session_id", seat));
    }
}
