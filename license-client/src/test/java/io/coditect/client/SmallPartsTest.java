package io.coditect.client;

import static io.coditect.client.FakeTransport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests of the small single-purpose helpers. */
class SmallPartsTest {

    @TempDir
    Path dir;

    @Test
    void licenseKeyMaskShowsPrefixAndLastFour() {
        assertThat(LicenseKeyMask.mask("CDT-ABCDE-FGHIJ-KLMNO-PQRST")).isEqualTo("CDT-XXXX…QRST");
        assertThat(LicenseKeyMask.mask("CDT-AB")).isEqualTo("CDT-XXXX");
        assertThat(LicenseKeyMask.mask(null)).isNull();
    }

    @Test
    void configDirectoryPrefersOverrideThenXdgThenHome() {
        assertThat(ConfigDirectory.resolve(Map.of("CODITECT_CONFIG_DIR", "/x/y", "XDG_CONFIG_HOME", "/xdg"), "/home/u"))
                .isEqualTo(Path.of("/x/y"));
        assertThat(ConfigDirectory.resolve(Map.of("XDG_CONFIG_HOME", "/xdg"), "/home/u")).isEqualTo(Path.of("/xdg/coditect"));
        assertThat(ConfigDirectory.resolve(Map.of("XDG_CONFIG_HOME", "relative"), "/home/u"))
                .isEqualTo(Path.of("/home/u/.config/coditect"));
        assertThat(ConfigDirectory.resolve(Map.of(), "/home/u")).isEqualTo(Path.of("/home/u/.config/coditect"));
    }

    @Test
    void deviceIdIsCreatedOnceOwnerOnlyAndStable() throws Exception {
        String first = DeviceId.loadOrCreate(dir);

        assertThat(DeviceId.loadOrCreate(dir)).isEqualTo(first);
        assertThat(first).matches("[0-9a-f-]{36}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(DeviceId.FILE_NAME))))
                .isEqualTo("rw-------");
    }

    @Test
    void serverConfigDerivesRealmUrls() {
        ServerConfig server = ServerConfig.of("https://id.example.com/", "coditect");

        assertThat(server.issuer()).isEqualTo("https://id.example.com/realms/coditect");
        assertThat(server.discoveryUri()).hasToString("https://id.example.com/realms/coditect/.well-known/openid-configuration");
        assertThat(server.realmUri("/licenses/acquire")).hasToString("https://id.example.com/realms/coditect/licenses/acquire");
    }

    @Test
    void authorizationRequestCarriesPkceStateAndLoopbackRedirect() {
        AuthorizationRequest request = AuthorizationRequest.create(OidcFixture.ENDPOINTS.authorizationEndpoint(),
                "coditect-cli", URI.create("http://127.0.0.1:49152/callback"), CoditectClient.SCOPE);

        Map<String, String> query = LoopbackLogin.parseQuery(request.toUri().getRawQuery());

        assertThat(query).containsEntry("response_type", "code")
                .containsEntry("client_id", "coditect-cli")
                .containsEntry("redirect_uri", "http://127.0.0.1:49152/callback")
                .containsEntry("scope", "openid offline_access")
                .containsEntry("code_challenge_method", "S256")
                .containsEntry("code_challenge", request.pkce().challenge())
                .containsEntry("state", request.state());
        assertThat(request.codeFrom(Map.of("state", request.state(), "code", "c-1"))).isEqualTo("c-1");
        assertThat(request.tokenRequest("c-1")).containsEntry("grant_type", "authorization_code")
                .containsEntry("code_verifier", request.pkce().verifier())
                .containsEntry("redirect_uri", "http://127.0.0.1:49152/callback");
    }

    @Test
    void callbackWithForeignStateOrErrorIsRefused() {
        AuthorizationRequest request = AuthorizationRequest.create(OidcFixture.ENDPOINTS.authorizationEndpoint(),
                "coditect-cli", URI.create("http://127.0.0.1:1/callback"), CoditectClient.SCOPE);

        assertThatThrownBy(() -> request.codeFrom(Map.of("state", "other", "code", "c")))
                .isInstanceOfSatisfying(LoginFailedException.class, e -> assertThat(e.code()).isEqualTo("state_mismatch"));
        assertThatThrownBy(() -> request.codeFrom(Map.of("error", "access_denied", "state", request.state())))
                .isInstanceOfSatisfying(LoginFailedException.class, e -> assertThat(e.code()).isEqualTo("access_denied"));
    }

    @Test
    void discoveryReadsEndpointsAndRefusesAnotherIssuer() {
        FakeTransport transport = new FakeTransport()
                .enqueue("GET", "/.well-known/openid-configuration", json(200, OidcFixture.DISCOVERY));
        OidcEndpoints endpoints = new OidcDiscovery(ServerConfig.of("http://kc.test", "coditect"), transport).endpoints();
        assertThat(endpoints.deviceAuthorizationEndpoint()).hasToString(OidcFixture.BASE + "/auth/device");
        assertThat(endpoints.jwksUri()).hasToString(OidcFixture.BASE + "/certs");

        FakeTransport other = new FakeTransport()
                .enqueue("GET", "/.well-known/openid-configuration", json(200, OidcFixture.DISCOVERY));
        assertThatThrownBy(() -> new OidcDiscovery(ServerConfig.of("http://kc.test", "elsewhere"), other).endpoints())
                .isInstanceOfSatisfying(CoditectException.class, e -> assertThat(e.code()).isEqualTo("discovery_failed"));
    }

    @Test
    void rpLogoutPostsRefreshTokenAndToleratesAnEndedSession() {
        FakeTransport transport = new FakeTransport()
                .enqueue("POST", "/logout", FakeTransport.status(204), FakeTransport.error(400, "invalid_grant"));
        SessionLogout logout = new SessionLogout(() -> OidcFixture.ENDPOINTS, transport, "coditect-cli", null);

        logout.endSession("rt-1");
        logout.endSession("rt-1");

        assertThat(transport.requests().get(0).formFields())
                .containsEntry("client_id", "coditect-cli").containsEntry("refresh_token", "rt-1");
    }

    @Test
    void logoutEverywhereDeletesAccountSessionsIncludingCurrent() {
        FakeTransport transport = new FakeTransport().enqueue("DELETE", "/account/sessions", FakeTransport.status(204));
        BearerClient bearer = new BearerClient(ServerConfig.of("http://kc.test", "coditect"), transport, new FakeTokens());

        new SessionLogout(() -> OidcFixture.ENDPOINTS, transport, "coditect-cli", bearer).endAllSessions();

        TransportRequest request = transport.requests().get(0);
        assertThat(request.uri()).hasToString("http://kc.test/realms/coditect/account/sessions?current=true");
        assertThat(request.headers()).containsEntry("Accept", "application/json")
                .containsEntry("Authorization", "Bearer access-1");
    }

    @Test
    void timestampsAcceptIsoStringsOffsetsAndEpochSeconds() {
        assertThat(Json.instant(Json.parse("{\"t\":\"2026-12-03T16:20:00Z\"}"), "t")).isEqualTo("2026-12-03T16:20:00Z");
        assertThat(Json.instant(Json.parse("{\"t\":\"2026-12-03T17:20:00+01:00\"}"), "t")).isEqualTo("2026-12-03T16:20:00Z");
        assertThat(Json.instant(Json.parse("{\"t\":1796314800}"), "t")).isEqualTo(Instant.ofEpochSecond(1796314800));
        assertThat(Json.instant(Json.parse("{\"t\":null}"), "t")).isNull();
    }
}
