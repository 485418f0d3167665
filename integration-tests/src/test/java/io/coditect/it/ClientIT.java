package io.coditect.it;

import java.net.ProxySelector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.coditect.client.CoditectClient;
import io.coditect.client.DeviceAuthorization;
import io.coditect.client.DeviceFlowLogin;
import io.coditect.client.HttpTransport;
import io.coditect.client.HybridLicenseValidator;
import io.coditect.client.Identity;
import io.coditect.client.JdkHttpTransport;
import io.coditect.client.LicenseReason;
import io.coditect.client.LicenseState;
import io.coditect.client.LicenseStatus;
import io.coditect.client.Pkce;
import io.coditect.client.ServerConfig;
import io.coditect.client.Sleeper;
import io.coditect.client.TokenSet;
import io.coditect.client.ValidatorSettings;
import io.coditect.client.cli.CliEnvironment;
import io.coditect.client.cli.Main;
import io.coditect.it.client.DeviceApproval;
import io.coditect.it.client.ManualScheduler;
import io.coditect.it.client.PacedSleeper;
import io.coditect.it.client.TcpProxy;
import io.coditect.it.support.CoditectStack;
import io.coditect.it.support.Http;
import io.coditect.it.support.KeycloakAdmin;
import io.coditect.it.support.Tokens;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java client (license-client) against the real server: device login approved on
 * Keycloak's own pages, {@code coditect whoami} in-process, and {@link HybridLicenseValidator}
 * through a TCP proxy that the test cuts and restores. Timers are in the test's hands
 * ({@link ManualScheduler}); the wall clock and the network are real.
 */
@ExtendWith(CoditectStack.Extension.class)
class ClientIT {

    private static final String PASSWORD = "pw";
    private static final List<String> PRO_SCOPES = List.of("commands:execute", "sync:read", "sync:write");

    private final CoditectStack stack = CoditectStack.get();
    private final KeycloakAdmin admin = stack.admin();
    private final Tokens tokens = new Tokens(stack);
    private final List<AutoCloseable> cleanup = new ArrayList<>();

    @TempDir
    Path tmp;
    // Not created yet: the client makes it, owner-only.
    private Path configDir;

    @BeforeEach
    void configDir() {
        configDir = tmp.resolve("coditect");
    }

    @AfterEach
    void closeAll() throws Exception {
        Collections.reverse(cleanup);
        for (AutoCloseable c : cleanup) {
            c.close();
        }
    }

    @Test
    void deviceLoginIsApprovedOnKeycloaksPagesWhileTheClientPollsAndTheTokensAreStoredOwnerOnly() throws Exception {
        Fixture user = proUser();
        PacedSleeper pace = new PacedSleeper();
        CoditectClient client = client(new JdkHttpTransport(), pace);
        ExecutorService background = Executors.newSingleThreadExecutor();
        cleanup.add(background::shutdownNow);

        // The client runs its whole login (start, prompt, poll) as the CLI does, in the background.
        CompletableFuture<DeviceAuthorization> shown = new CompletableFuture<>();
        Future<TokenSet> login = background.submit(
                () -> client.deviceFlowLogin().login(CoditectClient.SCOPE, shown::complete));
        DeviceAuthorization prompt = shown.get(30, TimeUnit.SECONDS);
        assertThat(prompt.userCode()).matches("[A-Z]{4}-[A-Z]{4}");
        assertThat(prompt.bestUri().toString())
                .startsWith(stack.realmUrl() + "/device")
                .contains("user_code=" + prompt.userCode());

        // Its first poll came back authorization_pending (nothing approved yet) and it polls on,
        // at the interval Keycloak announced (a slow_down would have added 5 s).
        boolean pollsOn = pace.awaitSecondPause(Duration.ofSeconds(30));
        assertThat(pollsOn).as("the client polls again after its first poll (login: %s)", outcome(login)).isTrue();
        assertThat(pace.requested()).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5));

        List<String> pages = DeviceApproval.approve(prompt.bestUri(), user.username, PASSWORD);
        assertThat(pages).containsExactly("login.ftl", "login-oauth-grant.ftl");
        pace.approved();
        TokenSet received = login.get(60, TimeUnit.SECONDS);
        client.tokenStore().save(received);

        // The stored login is the user's, verified against the realm's keys, with an offline
        // refresh token (scope offline_access: it survives a week without the server).
        TokenSet stored = client.tokenStore().load().orElseThrow();
        assertThat(stored.accessToken()).isEqualTo(received.accessToken());
        Identity who = client.accessTokenVerifier().verify(stored.accessToken());
        assertThat(who.username()).isEqualTo(user.username);
        assertThat(who.tier()).isEqualTo("PRO");
        assertThat(who.tenantId()).isEqualTo(user.tenantId);
        assertThat(Tokens.claims(stored.refreshToken()).get("typ").asText()).isEqualTo("Offline");
        assertThat(Tokens.claims(stored.accessToken()).get("azp").asText()).isEqualTo("coditect-cli");

        Path file = client.tokenStore().file();
        assertThat(file.getParent()).isEqualTo(configDir);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(configDir))).isEqualTo("rwx------");
        assertThat(Files.readString(file)).contains("\"issuer\" : \"" + stack.realmUrl() + "\"");
    }

    @Test
    void whoamiPrintsTheVerifiedClaimsOfTheLoggedInUser() {
        Fixture user = proUser();
        logIn(client(new JdkHttpTransport(), noPause()), user);

        Cli human = cli("whoami");
        assertThat(human.exitCode).as("stderr: %s", human.err).isZero();
        assertThat(human.out).contains(user.username, user.tenantId, "PRO", "member", String.join(" ", PRO_SCOPES),
                masked(user.licenseKey), stack.realmUrl());
        assertThat(human.out).doesNotContain(user.licenseKey);

        Cli json = cli("--json", "whoami");
        assertThat(json.exitCode).as("stderr: %s", json.err).isZero();
        JsonNode who = json.json();
        assertThat(who.get("username").asText()).isEqualTo(user.username);
        assertThat(who.get("tenant_id").asText()).isEqualTo(user.tenantId);
        assertThat(who.get("tier").asText()).isEqualTo("PRO");
        assertThat(who.get("role").asText()).isEqualTo("member");
        assertThat(Http.JSON.convertValue(who.get("scopes"), List.class)).isEqualTo(PRO_SCOPES);
        assertThat(who.get("license_key").asText()).isEqualTo(masked(user.licenseKey));
        assertThat(who.get("offline").asBoolean()).isFalse();
        assertThat(who.get("server").asText()).isEqualTo(stack.realmUrl());
    }

    @Test
    void networkCutGoesOfflineAfterThreeFailedHeartbeatsStillLicensedAndReconnectTakesANewSeat() {
        JsonNode policy = admin.get("/licenses/policy").json();
        try {
            // 5 s heartbeats make a seat die 17.5 s after its last heartbeat, so the outage can
            // outlast the seat within the test; the heartbeats themselves are run by hand.
            admin.setPolicy(Map.of("tiers", Map.of("PRO", Map.of("heartbeat_interval", 5))));
            Fixture user = proUser();
            TcpProxy network = proxy();
            CoditectClient client = client(proxied(network), noPause());
            logIn(client, user);
            ManualScheduler timers = new ManualScheduler();
            HybridLicenseValidator validator = validator(client, timers);
            List<LicenseState> transitions = transitions(validator);

            LicenseStatus acquired = validator.acquire();
            assertOnline(acquired);
            assertThat(acquired.seatsUsed()).isEqualTo(1);
            assertThat(acquired.seatsMax()).isEqualTo(2);
            assertSevenDaysAhead(acquired.leaseExpiresAt());
            String firstSeat = acquired.sessionId();
            assertThat(liveSeats(user)).containsExactly(firstSeat);
            assertThat(network.accepted()).as("the client's traffic goes through the proxy").isPositive();
            // ...and still names Keycloak's own address, so the lease is issued for the client's issuer.
            JsonNode lease = Tokens.claims(client.leaseStore().load().orElseThrow().lease());
            assertThat(lease.get("iss").asText()).isEqualTo(stack.realmUrl());
            assertThat(lease.get("sid").asText()).isEqualTo(firstSeat);
            assertThat(lease.get("device_id").asText()).isEqualTo(client.deviceId());
            assertThat(timers.delays()).as("next heartbeat, at the server's interval")
                    .containsExactly(Duration.ofSeconds(5));

            timers.runNext();
            LicenseStatus beat = validator.status();
            assertOnline(beat);
            assertThat(beat.sessionId()).isEqualTo(firstSeat);
            assertThat(beat.lastServerTime()).isAfterOrEqualTo(acquired.lastServerTime());

            network.cut();
            timers.runNext();
            assertThat(validator.status().state()).as("one missed heartbeat changes nothing")
                    .isEqualTo(LicenseState.ONLINE);
            assertThat(validator.status().consecutiveNetworkFailures()).isEqualTo(1);
            timers.runNext();
            assertThat(validator.status().state()).isEqualTo(LicenseState.ONLINE);
            assertThat(validator.status().consecutiveNetworkFailures()).isEqualTo(2);
            timers.runNext();
            LicenseStatus offline = validator.status();
            assertThat(offline.state()).isEqualTo(LicenseState.OFFLINE);
            assertThat(offline.reason()).isEqualTo(LicenseReason.NETWORK);
            assertThat(offline.isLicensed()).isTrue();
            assertThat(offline.tier()).isEqualTo("PRO");
            assertSevenDaysAhead(offline.leaseExpiresAt());
            assertThat(offline.graceRemaining()).hasValueSatisfying(
                    left -> assertThat(left).isBetween(Duration.ofDays(7).minusMinutes(1), Duration.ofDays(7)));
            assertThat(network.dropped()).as("the failures were connections the proxy dropped")
                    .isGreaterThanOrEqualTo(3);
            assertThat(timers.delays()).as("hourly reconnect, then the lease's expiry")
                    .first().isEqualTo(Duration.ofHours(1));

            // The seat outlives 3 missed heartbeats (DESIGN §5) but not its TTL: the outage goes on
            // until the server has dropped it (polling the admin API, as an operator would look).
            awaitSeatGone(user, firstSeat);
            network.restore();
            timers.runNext(); // the hourly reconnect, now

            LicenseStatus back = validator.status();
            assertOnline(back);
            assertThat(back.sessionId()).as("a new seat: the old one expired during the outage")
                    .isNotEqualTo(firstSeat);
            assertThat(back.seatsUsed()).isEqualTo(1);
            assertThat(liveSeats(user)).containsExactly(back.sessionId());
            assertThat(timers.delays()).containsExactly(Duration.ofSeconds(5));
            assertThat(transitions).containsExactly(LicenseState.ONLINE, LicenseState.OFFLINE, LicenseState.ONLINE);
            validator.release();
            assertThat(liveSeats(user)).isEmpty();
        } finally {
            admin.setPolicy(policy);
        }
    }

    @Test
    void aShortOutageReconnectsToTheSameSeatBecauseItOutlivesThreeMissedHeartbeats() {
        Fixture user = proUser();
        TcpProxy network = proxy();
        CoditectClient client = client(proxied(network), noPause());
        logIn(client, user);
        ManualScheduler timers = new ManualScheduler();
        HybridLicenseValidator validator = validator(client, timers);

        LicenseStatus acquired = validator.acquire();
        assertOnline(acquired);
        assertThat(timers.delays()).as("the default policy's heartbeat").containsExactly(Duration.ofSeconds(300));
        String seat = acquired.sessionId();
        network.cut();
        for (int missed = 0; missed < 3; missed++) {
            timers.runNext();
        }
        assertThat(validator.status().state()).isEqualTo(LicenseState.OFFLINE);
        network.restore();
        timers.runNext();

        // POST /licenses/reconnect takes a seat like acquire, and acquire from the same device
        // returns its live seat: the server still counts the one from before the outage.
        LicenseStatus back = validator.status();
        assertOnline(back);
        assertThat(back.sessionId()).isEqualTo(seat);
        assertThat(back.seatsUsed()).isEqualTo(1);
        assertThat(liveSeats(user)).containsExactly(seat);
    }

    @Test
    void revokingTheKeycloakSessionThroughTheAccountApiRevokesTheLicenseAtTheNextHeartbeat() throws Exception {
        Fixture user = proUser();
        CoditectClient client = client(new JdkHttpTransport(), noPause());
        logIn(client, user);
        ManualScheduler timers = new ManualScheduler();
        HybridLicenseValidator validator = validator(client, timers);
        List<LicenseState> transitions = transitions(validator);
        assertOnline(validator.acquire());
        String seat = validator.status().sessionId();

        // The user ends the CLI's Keycloak session from another session (as in the account console).
        String accessToken = client.tokenStore().load().orElseThrow().accessToken();
        String sid = Tokens.claims(accessToken).get("sid").asText();
        Tokens.TokenSet browser = tokens.password(user.username, PASSWORD);
        Http.Reply deleted = Http.delete(stack.realmUrl() + "/account/sessions/" + sid, browser.accessToken());
        assertThat(deleted.status()).as("%s", deleted).isEqualTo(204);

        timers.runNext(); // the next heartbeat
        LicenseStatus revoked = validator.status();
        assertThat(revoked.state()).isEqualTo(LicenseState.REVOKED);
        assertThat(revoked.isLicensed()).isFalse();
        assertThat(revoked.reason()).isEqualTo(LicenseReason.LOGIN_REVOKED);
        assertThat(revoked.leaseExpiresAt()).as("no offline grace").isNull();
        assertThat(transitions).containsExactly(LicenseState.ONLINE, LicenseState.REVOKED);
        assertThat(timers.delays()).as("nothing more to do").isEmpty();
        assertThat(client.tokenStore().load()).as("the dead login is forgotten").isEmpty();
        assertThat(client.leaseStore().load()).as("and so is the lease").isEmpty();
        assertThat(liveSeats(user)).doesNotContain(seat);
        // Why: the server refuses the dead session's token, and the refresh that followed was refused too.
        Http.Reply refused = Http.postJson(stack.realmUrl() + "/licenses/heartbeat", accessToken,
                Map.of("session_id", seat));
        assertThat(refused.status()).as("%s", refused).isEqualTo(401);
        assertThat(refused.error()).isEqualTo("invalid_token");
    }

    // ---- helpers ----

    private CoditectClient client(HttpTransport transport, Sleeper sleeper) {
        return CoditectClient.builder()
                .server(ServerConfig.of(stack.baseUrl(), "coditect"))
                .configDir(configDir)
                .transport(transport)
                .sleeper(sleeper)
                .build();
    }

    /** No pause: used only where the first poll comes after approval, so Keycloak has nothing to slow down. */
    private static Sleeper noPause() {
        return duration -> { };
    }

    /** Device login with the client's API in steps: start, approve on Keycloak's pages, one poll. */
    private void logIn(CoditectClient client, Fixture user) {
        DeviceFlowLogin login = client.deviceFlowLogin();
        Pkce pkce = Pkce.generate();
        DeviceAuthorization authorization = login.start(CoditectClient.SCOPE, pkce);
        DeviceApproval.approve(authorization.bestUri(), user.username, PASSWORD);
        client.tokenStore().save(login.poll(authorization, pkce));
    }

    private HybridLicenseValidator validator(CoditectClient client, ManualScheduler timers) {
        HybridLicenseValidator validator = client.validator(timers,
                ValidatorSettings.defaults().withDeviceName("client-it"));
        cleanup.add(validator);
        return validator;
    }

    private static List<LicenseState> transitions(HybridLicenseValidator validator) {
        List<LicenseState> states = Collections.synchronizedList(new ArrayList<>());
        validator.addListener((previous, current) -> states.add(current.state()));
        return states;
    }

    private TcpProxy proxy() {
        TcpProxy proxy = new TcpProxy("localhost", URI.create(stack.baseUrl()).getPort());
        cleanup.add(proxy);
        return proxy;
    }

    private static void assertOnline(LicenseStatus status) {
        assertThat(status.state()).as("%s", status).isEqualTo(LicenseState.ONLINE);
        assertThat(status.tier()).isEqualTo("PRO");
        assertThat(status.sessionId()).isNotBlank();
        assertThat(status.consecutiveNetworkFailures()).isZero();
    }

    /** The lease runs the PRO grace period (7 days) from the server's last answer, i.e. from about now. */
    private static void assertSevenDaysAhead(Instant leaseExpiresAt) {
        assertThat(leaseExpiresAt).isCloseTo(Instant.now().plus(Duration.ofDays(7)), within(1, ChronoUnit.MINUTES));
    }

    private List<String> liveSeats(Fixture user) {
        Http.Reply r = admin.get("/licenses/" + user.licenseId + "/sessions");
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        r.json().get("sessions").forEach(s -> ids.add(s.get("session_id").asText()));
        return ids;
    }

    private void awaitSeatGone(Fixture user, String seat) {
        Instant deadline = Instant.now().plusSeconds(60);
        while (liveSeats(user).contains(seat)) {
            assertThat(Instant.now()).as("seat %s still live after 60 s", seat).isBefore(deadline);
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private Cli cli(String... args) {
        List<String> all = new ArrayList<>(List.of("--server", stack.baseUrl(), "--realm", "coditect",
                "--config-dir", configDir.toString()));
        all.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliEnvironment environment = new CliEnvironment(Map.of(), configDir.toString(), new PrintWriter(out, true),
                new PrintWriter(err, true), new JdkHttpTransport(), Clock.systemUTC(),
                duration -> {
                    throw new AssertionError("whoami has nothing to wait for");
                },
                command -> {
                    throw new AssertionError("whoami runs no command");
                },
                uri -> {
                    throw new AssertionError("whoami opens no browser");
                },
                "client-it");
        int exit = Main.run(all.toArray(String[]::new), environment);
        return new Cli(exit, out.toString(), err.toString());
    }

    private static String outcome(Future<?> future) {
        if (!future.isDone()) {
            return "still running";
        }
        try {
            return "returned " + future.get();
        } catch (Exception e) {
            return "failed: " + e.getCause();
        }
    }

    private static String masked(String licenseKey) {
        return licenseKey.substring(0, licenseKey.indexOf('-') + 1) + "XXXX…"
                + licenseKey.substring(licenseKey.length() - 4);
    }

    private Fixture proUser() {
        String s = ClaimsIT.suffix();
        String username = "client-" + s;
        String userId = admin.createUser(username, PASSWORD);
        String org = admin.createOrganization("ClientIT " + s);
        admin.addMember(org, userId);
        JsonNode license = admin.createLicense(org, "PRO", 2);
        return new Fixture(username, org, license.get("id").asText(), license.get("license_key").asText());
    }

    private record Fixture(String username, String tenantId, String licenseId, String licenseKey) {
    }

    private record Cli(int exitCode, String out, String err) {
        JsonNode json() {
            try {
                return Http.JSON.readTree(out);
            } catch (java.io.IOException e) {
                throw new AssertionError("not JSON: " + out, e);
            }
        }
    }

    /**
     * The client's production transport with the TCP proxy as its HTTP proxy. Why a proxy and not a
     * changed URL: the client derives the issuer it trusts from the server URL, and Keycloak (no
     * fixed hostname in start-dev) writes the request's Host into tokens and leases; through an HTTP
     * proxy both stay {@code http://localhost:<keycloak port>} and only the socket goes to the
     * {@link TcpProxy}, which forwards the bytes (Keycloak accepts the absolute-form request line).
     */
    private static JdkHttpTransport proxied(TcpProxy network) {
        return new JdkHttpTransport(Duration.ofSeconds(5), Duration.ofSeconds(15), ProxySelector.of(network.address()));
    }
}
