package io.coditect.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.coditect.it.support.CoditectStack;
import io.coditect.it.support.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The distribution runs with our bundle loaded and the shipped realm imported. */
@ExtendWith(CoditectStack.Extension.class)
class BundleLoadedIT {

    private final CoditectStack stack = CoditectStack.get();

    @Test
    void serverInfoListsEveryCoditectProvider() {
        Http.Reply r = Http.get(stack.baseUrl() + "/admin/serverinfo", stack.admin().token());
        assertThat(r.status()).isEqualTo(200);
        JsonNode providers = r.json().get("providers");
        assertThat(providers.at("/realm-restapi-extension/providers").has("licenses")).isTrue();
        assertThat(providers.at("/admin-realm-restapi-extension/providers").has("licenses")).isTrue();
        assertThat(providers.at("/protocol-mapper/providers").has("coditect-claims-mapper")).isTrue();
        assertThat(providers.at("/eventsListener/providers").has("coditect-license")).isTrue();
        assertThat(providers.at("/jpa-entity-provider/providers").has("coditect-license")).isTrue();
        // Redis is configured in the test stack, so the redis store is the one enabled.
        assertThat(providers.at("/coditect-store/providers").has("redis")).isTrue();
    }

    @Test
    void realmServesDeviceFlowDiscovery() {
        Http.Reply r = Http.get(stack.realmUrl() + "/.well-known/openid-configuration", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("device_authorization_endpoint").asText())
                .isEqualTo(stack.realmUrl() + "/protocol/openid-connect/auth/device");
    }

    @Test
    void realmFollowsTheConventions() {
        JsonNode realm = stack.admin().get("").json();
        assertThat(realm.get("registrationAllowed").asBoolean()).isTrue();
        assertThat(realm.get("verifyEmail").asBoolean()).isTrue();
        assertThat(realm.get("organizationsEnabled").asBoolean()).isTrue();
        assertThat(realm.get("bruteForceProtected").asBoolean()).isTrue();
        assertThat(realm.get("eventsEnabled").asBoolean()).isTrue();
        assertThat(realm.get("adminEventsEnabled").asBoolean()).isTrue();
        assertThat(realm.get("accessTokenLifespan").asInt()).isEqualTo(300);
        assertThat(realm.get("otpPolicyType").asText()).isEqualTo("totp");
        assertThat(realm.get("eventsListeners").toString()).contains("coditect-license");
        assertThat(realm.at("/smtpServer/port").asText()).isEqualTo(Integer.toString(stack.mail().getSmtp().getPort()));

        JsonNode cli = stack.admin().get("/clients?clientId=coditect-cli").json().get(0);
        assertThat(cli.get("publicClient").asBoolean()).isTrue();
        assertThat(cli.get("directAccessGrantsEnabled").asBoolean()).isFalse();
        assertThat(cli.at("/attributes/oauth2.device.authorization.grant.enabled").asText()).isEqualTo("true");
        assertThat(cli.at("/attributes/pkce.code.challenge.method").asText()).isEqualTo("S256");
        assertThat(cli.get("defaultClientScopes").toString()).contains("\"coditect\"");
    }
}
