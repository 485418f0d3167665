package io.coditect.client;

import static io.coditect.client.FakeTransport.error;
import static io.coditect.client.FakeTransport.json;
import static io.coditect.client.FakeTransport.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BearerClientTest {

    final FakeTransport transport = new FakeTransport();
    final FakeTokens tokens = new FakeTokens();
    final ServerConfig server = ServerConfig.of("http://kc.test/", "coditect");
    final BearerClient client = new BearerClient(server, transport, tokens);
    final LicenseApi licenses = new LicenseApi(client);
    final QuotaApi quota = new QuotaApi(client);

    @Test
    void sendsBearerTokenAndJsonToTheRealmPath() {
        transport.enqueue("GET", "/realms/coditect/licenses/sessions", json(200, """
                {"sessions":[{"session_id":"s1","device_id":"d1","device_name":"laptop","user_id":"u1",
                  "created_at":"2026-12-03T16:00:00Z","last_heartbeat_at":"2026-12-03T16:15:00Z",
                  "expires_at":"2026-12-03T16:35:00Z","current":true}]}"""));

        List<SeatSession> sessions = licenses.sessions();

        assertThat(sessions).singleElement().satisfies(s -> {
            assertThat(s.sessionId()).isEqualTo("s1");
            assertThat(s.current()).isTrue();
            assertThat(s.lastHeartbeatAt()).isEqualTo("2026-12-03T16:15:00Z");
        });
        TransportRequest request = transport.requests().get(0);
        assertThat(request.uri()).hasToString("http://kc.test/realms/coditect/licenses/sessions");
        assertThat(request.headers()).containsEntry("Authorization", "Bearer access-1")
                .containsEntry("Accept", "application/json");
    }

    @Test
    void unauthorizedIsRetriedOnceWithARefreshedToken() {
        transport.enqueue("DELETE", "/licenses/sessions/s1", error(401, "invalid_token"), status(204));

        licenses.revokeSession("s1");

        assertThat(tokens.refreshes()).isEqualTo(1);
        assertThat(transport.requests()).extracting(r -> r.headers().get("Authorization"))
                .containsExactly("Bearer access-1", "Bearer access-2");
    }

    @Test
    void secondUnauthorizedIsReturnedAsInvalidToken() {
        transport.enqueue("POST", "/licenses/heartbeat", error(401, "invalid_token"), error(401, "invalid_token"));

        assertThatThrownBy(() -> licenses.heartbeat("s1"))
                .isInstanceOfSatisfying(ApiErrorException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.code()).isEqualTo("invalid_token");
                });
        assertThat(tokens.refreshes()).isEqualTo(1);
    }

    @Test
    void serviceUnavailableCarriesRetryAfter() {
        transport.enqueue("POST", "/licenses/heartbeat", r -> new TransportResponse(503,
                Map.of("Retry-After", List.of("30")), "{\"error\":\"store_unavailable\"}"));

        assertThatThrownBy(() -> licenses.heartbeat("s1"))
                .isInstanceOfSatisfying(ServerUnavailableException.class, e -> {
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(30));
                });
    }

    @Test
    void seatsExhaustedKeepsTheBodyForTheCaller() {
        transport.enqueue("POST", "/licenses/acquire", json(409, """
                {"error":"seats_exhausted","error_description":"All 3 seats are in use.","sessions":[{"session_id":"s9"}]}"""));

        assertThatThrownBy(() -> licenses.acquire("d1", null, null))
                .isInstanceOfSatisfying(ApiErrorException.class, e -> {
                    assertThat(e.code()).isEqualTo("seats_exhausted");
                    assertThat(e.getMessage()).isEqualTo("All 3 seats are in use.");
                    assertThat(e.body().path("sessions").get(0).path("session_id").asText()).isEqualTo("s9");
                });
    }

    @Test
    void quotaConsumesOneCommand() {
        transport.enqueue("POST", "/quota/commands", json(200, """
                {"allowed":true,"limit":10,"remaining":7,"reset_at":"2026-12-04T00:00:00Z"}"""));

        QuotaStatus status = quota.consume("build");

        assertThat(status.remaining()).isEqualTo(7);
        assertThat(status.limit()).isEqualTo(10);
        assertThat(status.resetAt()).isEqualTo("2026-12-04T00:00:00Z");
        assertThat(Json.parse(transport.requests().get(0).body()).path("command").asText()).isEqualTo("build");
    }

    @Test
    void quotaExceededCarriesResetTime() {
        transport.enqueue("POST", "/quota/commands", json(429, """
                {"error":"quota_exceeded","error_description":"Daily quota exceeded (10 commands/day).",
                 "limit":10,"reset_at":"2026-12-04T00:00:00Z"}"""));

        assertThatThrownBy(() -> quota.consume(null))
                .isInstanceOfSatisfying(QuotaExceededException.class, e -> {
                    assertThat(e.limit()).isEqualTo(10);
                    assertThat(e.resetAt()).isEqualTo("2026-12-04T00:00:00Z");
                    assertThat(e.getMessage()).startsWith("Daily quota exceeded");
                });
    }

    @Test
    void unlimitedQuotaHasNoLimit() {
        transport.enqueue("GET", "/quota/commands", json(200, """
                {"allowed":true,"limit":null,"remaining":null,"reset_at":"2026-12-04T00:00:00Z"}"""));

        assertThat(quota.usage().isUnlimited()).isTrue();
    }
}
