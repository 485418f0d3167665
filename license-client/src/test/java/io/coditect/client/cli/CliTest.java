package io.coditect.client.cli;

import static io.coditect.client.FakeTransport.connectionRefused;
import static io.coditect.client.FakeTransport.error;
import static io.coditect.client.FakeTransport.json;
import static io.coditect.client.FakeTransport.status;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEObjectType;
import io.coditect.client.Json;
import io.coditect.client.OidcFixture;
import io.coditect.client.TestKeys;
import io.coditect.client.TransportRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {

    @TempDir
    Path configDir;

    CliHarness cli;

    @BeforeEach
    void setUp() {
        cli = new CliHarness(configDir);
    }

    @Nested
    class General {

        @Test
        void helpDocumentsExitCodes() {
            assertThat(cli.run("--help")).isZero();
            assertThat(cli.out()).contains("Exit codes:", "  3    not logged in", "  7    daily command quota exceeded", "127");
        }

        @Test
        void unknownCommandIsAUsageError() {
            assertThat(cli.run("frobnicate")).isEqualTo(ExitCodes.USAGE);
        }

        @Test
        void jsonErrorsAreDocumentsOnStdout() {
            assertThat(cli.run("--json", "whoami")).isEqualTo(ExitCodes.NOT_LOGGED_IN);

            JsonNode error = cli.outJson();
            assertThat(error.path("error").asText()).isEqualTo("not_logged_in");
            assertThat(error.path("exit_code").asInt()).isEqualTo(3);
            assertThat(error.path("message").asText()).contains("coditect login");
        }

        @Test
        void aLoginIsOnlyUsedForTheServerItCameFrom() {
            cli.loggedIn();

            assertThat(cli.run("--server", "http://other.test", "whoami")).isEqualTo(ExitCodes.NOT_LOGGED_IN);
            assertThat(cli.err()).contains("the stored login is for http://kc.test/realms/coditect");
        }
    }

    @Nested
    class Login {

        @Test
        void deviceFlowPrintsCodeAndSavesTokensOwnerOnly() throws IOException {
            cli.transport.enqueue("POST", "/auth/device", json(200, """
                    {"device_code":"dc-1","user_code":"WDJB-MJHT","verification_uri":"http://kc.test/realms/coditect/device",
                     "expires_in":600,"interval":5}"""));
            String accessToken = TestKeys.sign(TestKeys.REALM_KEY, JOSEObjectType.JWT, CliHarness.claims(CliHarness.T0).build());
            cli.transport.enqueue("POST", "/token", error(400, "authorization_pending"), json(200,
                    "{\"access_token\":\"" + accessToken + "\",\"refresh_token\":\"rt-1\",\"expires_in\":300}"));

            assertThat(cli.run("login")).isZero();

            assertThat(cli.err()).contains("WDJB-MJHT", "http://kc.test/realms/coditect/device");
            assertThat(cli.out()).contains("Logged in as alice (tier PRO)");
            Path tokens = cli.tokenStore().file();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokens))).isEqualTo("rw-------");
            assertThat(Files.readString(tokens)).contains("rt-1");
            assertThat(cli.transport.requests("POST", "/auth/device").get(0).formFields())
                    .containsEntry("code_challenge_method", "S256")
                    .containsEntry("scope", "openid offline_access");
        }

        @Test
        void expiredCodeIsALoginFailure() {
            cli.transport.enqueue("POST", "/auth/device", json(200, """
                    {"device_code":"dc-1","user_code":"U","verification_uri":"http://kc.test/d","expires_in":600,"interval":5}"""));
            cli.transport.enqueue("POST", "/token", error(400, "expired_token"));

            assertThat(cli.run("login")).isEqualTo(ExitCodes.LOGIN_FAILED);
            assertThat(cli.err()).contains("expired");
        }

        @Test
        void serverDownIsANetworkError() {
            cli.transport.always("GET", "/.well-known/openid-configuration", connectionRefused());

            assertThat(cli.run("login")).isEqualTo(ExitCodes.NETWORK);
            assertThat(cli.err()).contains("cannot reach kc.test", "connection refused");
        }
    }

    @Nested
    class Whoami {

        @Test
        void notLoggedIn() {
            assertThat(cli.run("whoami")).isEqualTo(ExitCodes.NOT_LOGGED_IN);
            assertThat(cli.err()).contains("Not logged in; run 'coditect login'.");
        }

        @Test
        void showsVerifiedClaimsWithTheLicenseKeyMasked() {
            cli.loggedIn();

            assertThat(cli.run("whoami")).isZero();

            assertThat(cli.out()).contains("alice <alice@example.com>", "tenant-1", "PRO", "owner",
                    "commands:execute sync:read sync:write", "CDT-XXXX…QRS7");
            assertThat(cli.out()).doesNotContain("ABCDE");
        }

        @Test
        void jsonOutput() {
            cli.loggedIn();

            assertThat(cli.run("whoami", "--json")).isZero();

            JsonNode who = cli.outJson();
            assertThat(who.path("tenant_id").asText()).isEqualTo("tenant-1");
            assertThat(who.path("tier").asText()).isEqualTo("PRO");
            assertThat(who.path("role").asText()).isEqualTo("owner");
            assertThat(who.path("scopes")).hasSize(3);
            assertThat(who.path("license_key").asText()).isEqualTo("CDT-XXXX…QRS7");
        }

        @Test
        void worksOfflineWithCachedKeysAndAnExpiredToken() {
            cli.loggedIn();
            assertThat(cli.run("whoami")).isZero();
            cli.transport.always("GET", TestKeys.JWKS_PATH, connectionRefused());
            cli.transport.always("GET", "/.well-known/openid-configuration", connectionRefused());
            cli.clock.advance(Duration.ofHours(2));

            assertThat(cli.run("whoami")).isZero();

            assertThat(cli.out()).contains("tenant-1", "offline");
        }

        @Test
        void forgedTokenIsRefused() {
            cli.loggedIn(TestKeys.sign(TestKeys.ATTACKER_KEY, JOSEObjectType.JWT, CliHarness.claims(cli.clock.instant()).build()));

            assertThat(cli.run("whoami")).isEqualTo(ExitCodes.VERIFICATION_FAILED);
            assertThat(cli.out()).doesNotContain("tenant-1");
        }

        @Test
        void revokedLoginIsRevoked() {
            cli.loggedIn();
            cli.clock.advance(Duration.ofHours(1));
            cli.transport.enqueue("POST", "/token", error(400, "invalid_grant"));

            assertThat(cli.run("whoami")).isEqualTo(ExitCodes.REVOKED);
            assertThat(cli.tokenStore().load()).isEmpty();
        }
    }

    @Nested
    class License {

        @Test
        void acquireOnline() {
            cli.loggedIn();
            cli.transport.enqueue("POST", "/licenses/acquire", cli.onlineGrant("seat-1"));

            assertThat(cli.run("license", "acquire")).isZero();

            assertThat(cli.out()).contains("Licensed (PRO), online", "seat-1", "1 of 3 seats");
            assertThat(Json.parse(cli.transport.requests("POST", "/licenses/acquire").get(0).body())
                    .path("device_name").asText()).isEqualTo("test-host");
        }

        @Test
        void statusOfflineIsStillAllowedWithDaysLeft() {
            cli.holdingSeat();
            cli.clock.advance(Duration.ofDays(2));
            cli.serverDown();

            assertThat(cli.run("license", "status")).isEqualTo(ExitCodes.OFFLINE);

            assertThat(cli.out()).contains("OFFLINE", "5 days of offline use left");
        }

        @Test
        void statusJson() {
            cli.holdingSeat();
            cli.transport.enqueue("POST", "/licenses/reconnect", cli.onlineGrant("seat-1"));

            assertThat(cli.run("--json", "license", "status")).isZero();

            JsonNode status = cli.outJson();
            assertThat(status.path("state").asText()).isEqualTo("ONLINE");
            assertThat(status.path("licensed").asBoolean()).isTrue();
            assertThat(status.path("session_id").asText()).isEqualTo("seat-1");
            assertThat(status.path("grace_remaining_days").asInt()).isEqualTo(7);
            assertThat(status.path("exit_code").asInt()).isZero();
        }

        @Test
        void statusOfflineFlagDoesNotTouchTheNetwork() {
            cli.holdingSeat();
            int before = cli.transport.requests().size();

            assertThat(cli.run("license", "status", "--offline")).isEqualTo(ExitCodes.OFFLINE);
            assertThat(cli.transport.requests()).hasSize(before);
        }

        @Test
        void revokedLicense() {
            cli.holdingSeat();
            cli.transport.enqueue("POST", "/licenses/reconnect", error(403, "license_revoked"));

            assertThat(cli.run("license", "status")).isEqualTo(ExitCodes.REVOKED);
            assertThat(cli.out()).contains("revoked");
        }

        @Test
        void leaseRanOutOffline() {
            cli.holdingSeat();
            cli.clock.advance(Duration.ofDays(8));
            cli.serverDown();

            assertThat(cli.run("license", "status")).isEqualTo(ExitCodes.EXPIRED);
            assertThat(cli.out()).contains("offline lease expired");
        }

        @Test
        void clockSetBack() {
            cli.holdingSeat();
            cli.clock.advance(Duration.ofDays(-1));
            cli.serverDown();

            assertThat(cli.run("license", "status")).isEqualTo(ExitCodes.EXPIRED);
            assertThat(cli.out()).contains("system clock");
        }

        @Test
        void networkWithoutLease() {
            cli.loggedIn();
            cli.transport.always("POST", "/licenses/acquire", connectionRefused());

            assertThat(cli.run("license", "status")).isEqualTo(ExitCodes.NETWORK);
        }

        @Test
        void seatsExhaustedAndNoLicense() {
            cli.loggedIn();
            cli.transport.enqueue("POST", "/licenses/acquire", error(409, "seats_exhausted"), error(404, "no_license"));

            assertThat(cli.run("license", "acquire")).isEqualTo(ExitCodes.SEATS_EXHAUSTED);
            assertThat(cli.run("license", "acquire")).isEqualTo(ExitCodes.NO_LICENSE);
        }

        @Test
        void releaseGivesTheSeatBack() {
            cli.holdingSeat();
            cli.transport.enqueue("POST", "/licenses/release", status(204));

            assertThat(cli.run("license", "release")).isZero();

            assertThat(cli.out()).contains("Released seat seat-1");
            assertThat(Files.exists(configDir.resolve("license.json"))).isFalse();
        }
    }

    @Nested
    class Run {

        @Test
        void checksLicenseAndQuotaThenReturnsTheCommandsExitCode() {
            cli.loggedIn();
            cli.transport.enqueue("POST", "/licenses/acquire", CliHarness.freeGrant());
            cli.transport.enqueue("POST", "/quota/commands", json(200,
                    "{\"allowed\":true,\"limit\":10,\"remaining\":9,\"reset_at\":\"2026-12-04T00:00:00Z\"}"));
            cli.commandExitCode = 3;

            assertThat(cli.run("run", "--", "/usr/bin/make", "-j4", "SECRET=x")).isEqualTo(3);

            assertThat(cli.launched).containsExactly(List.of("/usr/bin/make", "-j4", "SECRET=x"));
            TransportRequest quota = cli.transport.requests("POST", "/quota/commands").get(0);
            assertThat(quota.body()).contains("\"command\":\"make\"").doesNotContain("SECRET");
            assertThat(cli.out()).isEmpty();
        }

        @Test
        void argumentsAfterTheCommandNameBelongToTheCommand() {
            cli.loggedIn();
            cli.transport.enqueue("POST", "/licenses/acquire", CliHarness.freeGrant());
            cli.transport.enqueue("POST", "/quota/commands", json(200, "{\"allowed\":true,\"limit\":10,\"remaining\":9}"));

            assertThat(cli.run("run", "ls", "--json", "-la")).isZero();

            assertThat(cli.launched).containsExactly(List.of("ls", "--json", "-la"));
        }

        @Test
        void quotaExceededStopsWithResetTime() {
            cli.loggedIn();
            cli.transport.enqueue("POST", "/licenses/acquire", CliHarness.freeGrant());
            cli.transport.enqueue("POST", "/quota/commands", json(429, """
                    {"error":"quota_exceeded","error_description":"Daily quota exceeded (10 commands/day). Upgrade to Pro for unlimited commands.",
                     "limit":10,"reset_at":"2026-12-04T00:00:00Z"}"""));

            assertThat(cli.run("run", "--", "make")).isEqualTo(ExitCodes.QUOTA_EXCEEDED);

            assertThat(cli.launched).isEmpty();
            assertThat(cli.err()).contains("Daily quota exceeded", "Resets at 2026-12-04 00:00 UTC (in 7 hours 40 minutes)");
        }

        @Test
        void offlineWithValidLeaseRunsWithAWarning() {
            cli.holdingSeat();
            cli.clock.advance(Duration.ofDays(3));
            cli.serverDown();

            assertThat(cli.run("run", "--", "make")).isZero();

            assertThat(cli.launched).hasSize(1);
            assertThat(cli.err()).contains("offline, 4 days of offline use left");
            assertThat(cli.transport.requests("POST", "/quota/commands")).isEmpty();
        }

        @Test
        void revokedDoesNotRun() {
            cli.holdingSeat();
            cli.transport.enqueue("POST", "/licenses/reconnect", error(403, "session_revoked"));

            assertThat(cli.run("run", "--", "make")).isEqualTo(ExitCodes.REVOKED);
            assertThat(cli.launched).isEmpty();
        }

        @Test
        void notLoggedInDoesNotRun() {
            assertThat(cli.run("run", "--", "make")).isEqualTo(ExitCodes.NOT_LOGGED_IN);
            assertThat(cli.launched).isEmpty();
        }

        @Test
        void freeTierOfflineIsANetworkError() {
            cli.loggedIn();
            cli.transport.always("POST", "/licenses/acquire", connectionRefused());

            assertThat(cli.run("run", "--", "make")).isEqualTo(ExitCodes.NETWORK);
            assertThat(cli.launched).isEmpty();
        }

        @Test
        void commandThatCannotStart() {
            cli.loggedIn();
            cli.transport.enqueue("POST", "/licenses/acquire", CliHarness.freeGrant());
            cli.transport.enqueue("POST", "/quota/commands", json(200, "{\"allowed\":true,\"limit\":10,\"remaining\":9}"));
            cli.launchFailure = new IOException("No such file or directory");

            assertThat(cli.run("run", "--", "nosuchcommand")).isEqualTo(ExitCodes.COMMAND_NOT_FOUND);
        }

        @Test
        void realLauncherReturnsTheChildsExitCode() throws Exception {
            assertThat(ProcessLauncher.inheritIo().run(List.of("sh", "-c", "exit 7"))).isEqualTo(7);
        }
    }

    @Nested
    class Logout {

        @Test
        void releasesSeatEndsSessionAndForgetsEverything() {
            cli.holdingSeat();
            cli.transport.enqueue("POST", "/licenses/release", status(204));
            cli.transport.enqueue("POST", "/logout", status(204));

            assertThat(cli.run("logout")).isZero();

            assertThat(cli.transport.requests("POST", "/logout").get(0).formFields())
                    .containsEntry("refresh_token", "rt-1").containsEntry("client_id", "coditect-cli");
            assertThat(cli.transport.requests("POST", "/licenses/release")).hasSize(1);
            assertThat(cli.tokenStore().load()).isEmpty();
            assertThat(Files.exists(configDir.resolve("license.json"))).isFalse();
        }

        @Test
        void allEndsEverySessionThroughTheAccountApi() {
            cli.loggedIn();
            cli.transport.enqueue("DELETE", "/account/sessions", status(204));

            assertThat(cli.run("logout", "--all")).isZero();

            TransportRequest request = cli.transport.requests("DELETE", "/account/sessions").get(0);
            assertThat(request.uri().getQuery()).isEqualTo("current=true");
            assertThat(request.headers()).containsEntry("Accept", "application/json");
            assertThat(cli.transport.requests("POST", "/logout")).isEmpty();
        }

        @Test
        void serverDownStillLogsOutLocallyButSaysSo() {
            cli.loggedIn();
            cli.transport.always("POST", "/logout", connectionRefused());

            assertThat(cli.run("logout")).isEqualTo(ExitCodes.NETWORK);

            assertThat(cli.err()).contains("Logged out locally");
            assertThat(cli.tokenStore().load()).isEmpty();
        }
    }

    @Nested
    class SessionsAndQuota {

        @Test
        void listsSessionsAndMarksThisDevice() {
            cli.loggedIn();
            cli.transport.enqueue("GET", "/licenses/sessions", json(200, """
                    {"sessions":[{"session_id":"s1","device_id":"%s","device_name":"test-host","user_id":"u1",
                      "created_at":"2026-12-03T16:00:00Z","last_heartbeat_at":"2026-12-03T16:15:00Z",
                      "expires_at":"2026-12-03T16:35:00Z","current":true},
                     {"session_id":"s2","device_id":"other","device_name":"desktop","user_id":"u1",
                      "created_at":"2026-12-03T15:00:00Z","last_heartbeat_at":"2026-12-03T16:10:00Z",
                      "expires_at":"2026-12-03T16:30:00Z","current":false}]}""".formatted(cli.deviceId())));

            assertThat(cli.run("sessions")).isZero();

            assertThat(cli.out()).contains("s1", "s2", "desktop", "(* = this device)");
            assertThat(cli.out().lines().filter(l -> l.startsWith("* ")).toList()).singleElement().asString().contains("s1");
        }

        @Test
        void revokesASession() {
            cli.loggedIn();
            cli.transport.enqueue("DELETE", "/licenses/sessions/s2", status(204));

            assertThat(cli.run("sessions", "--revoke", "s2")).isZero();
            assertThat(cli.out()).contains("Revoked session s2");
        }

        @Test
        void showsQuota() {
            cli.loggedIn();
            cli.transport.enqueue("GET", "/quota/commands", json(200,
                    "{\"allowed\":true,\"limit\":10,\"used\":3,\"remaining\":7,\"reset_at\":\"2026-12-04T00:00:00Z\"}"));

            assertThat(cli.run("quota")).isZero();
            assertThat(cli.out()).contains("3 of 10 used, 7 left", "2026-12-04 00:00 UTC");
        }

        @Test
        void unauthorizedIsRetriedAfterARefresh() {
            cli.loggedIn();
            cli.transport.enqueue("GET", "/quota/commands", error(401, "invalid_token"),
                    json(200, "{\"allowed\":true,\"limit\":null,\"remaining\":null}"));
            cli.transport.enqueue("POST", "/token", json(200, OidcFixture.TOKENS));

            assertThat(cli.run("quota")).isZero();
            assertThat(cli.out()).contains("Unlimited");
            assertThat(cli.transport.requests("GET", "/quota/commands").get(1).headers().get("Authorization"))
                    .isEqualTo("Bearer at-1");
        }
    }
}
