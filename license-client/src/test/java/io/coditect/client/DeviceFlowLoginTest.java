package io.coditect.client;

import static io.coditect.client.FakeTransport.connectionRefused;
import static io.coditect.client.FakeTransport.error;
import static io.coditect.client.FakeTransport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeviceFlowLoginTest {

    final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T16:20:00Z"));
    final FakeTransport transport = new FakeTransport();
    final List<Duration> sleeps = new ArrayList<>();
    final List<DeviceAuthorization> prompts = new ArrayList<>();
    // Sleeping only moves the fake clock: polling is tested without waiting.
    final Sleeper sleeper = duration -> {
        sleeps.add(duration);
        clock.advance(duration);
    };
    final DeviceFlowLogin login = new DeviceFlowLogin(() -> OidcFixture.ENDPOINTS, transport,
            new TokenEndpoint(() -> OidcFixture.ENDPOINTS, transport, "coditect-cli", clock), clock, sleeper);

    void deviceEndpointAnswers(int interval, int expiresIn) {
        transport.enqueue("POST", "/auth/device", json(200, """
                {"device_code":"dc-1","user_code":"WDJB-MJHT","verification_uri":"http://kc.test/realms/coditect/device",
                 "verification_uri_complete":"http://kc.test/realms/coditect/device?user_code=WDJB-MJHT",
                 "expires_in":%d,"interval":%d}""".formatted(expiresIn, interval)));
    }

    @Test
    void startsWithPkceAndScopeAndPollsUntilApproved() {
        deviceEndpointAnswers(5, 600);
        transport.enqueue("POST", "/token", error(400, "authorization_pending"), error(400, "authorization_pending"),
                json(200, OidcFixture.TOKENS));

        TokenSet tokens = login.login(CoditectClient.SCOPE, prompts::add);

        assertThat(tokens.accessToken()).isEqualTo("at-1");
        assertThat(tokens.refreshToken()).isEqualTo("rt-1");
        assertThat(tokens.accessTokenExpiresAt()).isEqualTo(clock.instant().plusSeconds(300));
        assertThat(prompts).singleElement().satisfies(p -> {
            assertThat(p.userCode()).isEqualTo("WDJB-MJHT");
            assertThat(p.bestUri().toString()).endsWith("user_code=WDJB-MJHT");
        });
        assertThat(sleeps).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5));

        Map<String, String> start = transport.requests("POST", "/auth/device").get(0).formFields();
        assertThat(start).containsEntry("client_id", "coditect-cli")
                .containsEntry("scope", "openid offline_access")
                .containsEntry("code_challenge_method", "S256")
                .containsKey("code_challenge");
        Map<String, String> poll = transport.requests("POST", "/token").get(0).formFields();
        assertThat(poll).containsEntry("grant_type", DeviceFlowLogin.GRANT_TYPE)
                .containsEntry("device_code", "dc-1")
                .containsEntry("client_id", "coditect-cli");
        assertThat(Pkce.challengeFor(poll.get("code_verifier"))).isEqualTo(start.get("code_challenge"));
    }

    @Test
    void slowDownAddsFiveSecondsEachTime() {
        deviceEndpointAnswers(5, 600);
        transport.enqueue("POST", "/token", error(400, "slow_down"), error(400, "authorization_pending"),
                error(400, "slow_down"), json(200, OidcFixture.TOKENS));

        login.login(CoditectClient.SCOPE, prompts::add);

        assertThat(sleeps).extracting(Duration::toSeconds).containsExactly(5L, 10L, 10L, 15L);
    }

    @Test
    void expiredTokenFailsTheLogin() {
        deviceEndpointAnswers(5, 600);
        transport.enqueue("POST", "/token", error(400, "authorization_pending"), error(400, "expired_token"));

        assertThatThrownBy(() -> login.login(CoditectClient.SCOPE, prompts::add))
                .isInstanceOfSatisfying(LoginFailedException.class, e -> assertThat(e.code()).isEqualTo("expired_token"));
    }

    @Test
    void stopsPollingOnceTheCodeHasExpiredLocally() {
        deviceEndpointAnswers(5, 12);
        transport.always("POST", "/token", error(400, "authorization_pending"));

        assertThatThrownBy(() -> login.login(CoditectClient.SCOPE, prompts::add))
                .isInstanceOfSatisfying(LoginFailedException.class, e -> assertThat(e.code()).isEqualTo("expired_token"));
        assertThat(transport.requests("POST", "/token")).hasSize(3);
    }

    @Test
    void deniedInBrowserFailsTheLogin() {
        deviceEndpointAnswers(5, 600);
        transport.enqueue("POST", "/token", error(400, "access_denied"));

        assertThatThrownBy(() -> login.login(CoditectClient.SCOPE, prompts::add))
                .isInstanceOfSatisfying(LoginFailedException.class, e -> assertThat(e.code()).isEqualTo("access_denied"));
    }

    @Test
    void defaultIntervalIsFiveSecondsWhenServerOmitsIt() {
        transport.enqueue("POST", "/auth/device", json(200, """
                {"device_code":"dc-1","user_code":"U","verification_uri":"http://kc.test/device","expires_in":600}"""));
        transport.enqueue("POST", "/token", json(200, OidcFixture.TOKENS));

        login.login(CoditectClient.SCOPE, prompts::add);

        assertThat(sleeps).containsExactly(Duration.ofSeconds(5));
    }

    @Test
    void transientNetworkErrorsBackOffThenGiveUp() {
        deviceEndpointAnswers(5, 3600);
        transport.enqueue("POST", "/token", connectionRefused(), error(400, "authorization_pending"),
                connectionRefused(), connectionRefused(), connectionRefused());

        assertThatThrownBy(() -> login.login(CoditectClient.SCOPE, prompts::add))
                .isInstanceOf(ServerUnavailableException.class);
        assertThat(sleeps).extracting(Duration::toSeconds).containsExactly(5L, 10L, 10L, 20L, 40L);
    }

    @Test
    void deviceEndpointRefusalIsALoginFailure() {
        transport.enqueue("POST", "/auth/device", error(400, "invalid_request"));

        assertThatThrownBy(() -> login.login(CoditectClient.SCOPE, prompts::add))
                .isInstanceOfSatisfying(LoginFailedException.class, e -> assertThat(e.code()).isEqualTo("invalid_request"));
        assertThat(prompts).isEmpty();
    }
}
