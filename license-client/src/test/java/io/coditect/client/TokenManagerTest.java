package io.coditect.client;

import static io.coditect.client.FakeTransport.connectionRefused;
import static io.coditect.client.FakeTransport.error;
import static io.coditect.client.FakeTransport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenManagerTest {

    static final Instant NOW = Instant.parse("2026-12-03T16:20:00Z");

    @TempDir
    Path configDir;

    final MutableClock clock = new MutableClock(NOW);
    final FakeTransport transport = new FakeTransport();

    TokenStore store() {
        return new TokenStore(configDir, TestKeys.ISSUER);
    }

    TokenManager manager() {
        return new TokenManager(store(), new TokenEndpoint(() -> OidcFixture.ENDPOINTS, transport, "coditect-cli", clock), clock);
    }

    void loggedIn(Instant accessTokenExpiresAt) {
        store().save(new TokenSet("at-0", "rt-0", "id-0", "openid offline_access", accessTokenExpiresAt, null));
    }

    @Test
    void notLoggedInWithoutStoredTokens() {
        assertThatThrownBy(() -> manager().accessToken()).isInstanceOf(NotLoggedInException.class);
    }

    @Test
    void validTokenIsUsedWithoutRefreshing() {
        loggedIn(NOW.plusSeconds(200));

        assertThat(manager().accessToken()).isEqualTo("at-0");
        assertThat(transport.requests()).isEmpty();
    }

    @Test
    void tokenAboutToExpireIsRefreshedAndStored() {
        loggedIn(NOW.plusSeconds(10));
        transport.enqueue("POST", "/token", json(200, """
                {"access_token":"at-1","expires_in":300}"""));

        assertThat(manager().accessToken()).isEqualTo("at-1");

        TokenSet stored = store().load().orElseThrow();
        assertThat(stored.accessToken()).isEqualTo("at-1");
        assertThat(stored.refreshToken()).as("kept when the answer has none").isEqualTo("rt-0");
        assertThat(stored.accessTokenExpiresAt()).isEqualTo(NOW.plusSeconds(300));
        assertThat(transport.requests("POST", "/token").get(0).formFields())
                .containsEntry("grant_type", "refresh_token")
                .containsEntry("refresh_token", "rt-0")
                .containsEntry("client_id", "coditect-cli");
    }

    @Test
    void refusedRefreshMeansTheLoginWasRevoked() {
        loggedIn(NOW.minus(Duration.ofMinutes(1)));
        transport.enqueue("POST", "/token", error(400, "invalid_grant"));

        assertThatThrownBy(() -> manager().refreshAccessToken()).isInstanceOf(LoginRevokedException.class);
        assertThat(store().load()).as("useless tokens are forgotten").isEmpty();
    }

    @Test
    void refreshWithServerDownIsANetworkFailureAndKeepsTheLogin() {
        loggedIn(NOW.minus(Duration.ofMinutes(1)));
        transport.enqueue("POST", "/token", connectionRefused());

        assertThatThrownBy(() -> manager().accessToken()).isInstanceOf(ServerUnavailableException.class);
        assertThat(store().load()).isPresent();
    }
}
