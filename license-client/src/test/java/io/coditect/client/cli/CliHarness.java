package io.coditect.client.cli;

import static io.coditect.client.FakeTransport.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jwt.JWTClaimsSet;
import io.coditect.client.DeviceId;
import io.coditect.client.FakeTransport;
import io.coditect.client.Json;
import io.coditect.client.MutableClock;
import io.coditect.client.OidcFixture;
import io.coditect.client.TestKeys;
import io.coditect.client.TokenSet;
import io.coditect.client.TokenStore;
import io.coditect.client.TransportResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

/** Runs the CLI in-process against a fake server, a fake clock and a temp config directory. */
final class CliHarness {

    static final Instant T0 = Instant.parse("2026-12-03T16:20:00Z");
    static final Duration GRACE = Duration.ofDays(7);

    final Path configDir;
    final MutableClock clock = new MutableClock(T0);
    final FakeTransport transport = new FakeTransport();
    final List<List<String>> launched = new ArrayList<>();
    int commandExitCode;
    IOException launchFailure;
    StringWriter out;
    StringWriter err;

    CliHarness(Path configDir) {
        this.configDir = configDir;
        transport.always("GET", "/.well-known/openid-configuration", json(200, OidcFixture.DISCOVERY));
        transport.always("GET", TestKeys.JWKS_PATH, json(200, TestKeys.jwks(TestKeys.REALM_KEY)));
    }

    int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CliEnvironment environment = new CliEnvironment(
                Map.of("CODITECT_SERVER", "http://kc.test", "CODITECT_CONFIG_DIR", configDir.toString()),
                "/home/nobody",
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                transport,
                clock,
                clock::advance,
                command -> {
                    if (launchFailure != null) {
                        throw launchFailure;
                    }
                    launched.add(command);
                    return commandExitCode;
                },
                uri -> { },
                "test-host");
        return Main.run(args, environment);
    }

    String out() {
        return out.toString();
    }

    String err() {
        return err.toString();
    }

    JsonNode outJson() {
        return Json.parse(out());
    }

    String deviceId() {
        return DeviceId.loadOrCreate(configDir);
    }

    TokenStore tokenStore() {
        return new TokenStore(configDir, TestKeys.ISSUER);
    }

    static JWTClaimsSet.Builder claims(Instant now) {
        return new JWTClaimsSet.Builder()
                .issuer(TestKeys.ISSUER).subject("user-1").expirationTime(Date.from(now.plusSeconds(300)))
                .claim("preferred_username", "alice").claim("email", "alice@example.com")
                .claim("tenant_id", "tenant-1").claim("tier", "PRO").claim("role", "owner")
                .claim("scopes", List.of("commands:execute", "sync:read", "sync:write"))
                .claim("license_key", "CDT-ABCDE-FGHIJ-KLMNO-PQRS7");
    }

    void loggedIn() {
        loggedIn(TestKeys.sign(TestKeys.REALM_KEY, JOSEObjectType.JWT, claims(clock.instant()).build()));
    }

    void loggedIn(String accessToken) {
        tokenStore().save(new TokenSet(accessToken, "rt-1", null, "openid offline_access",
                clock.instant().plusSeconds(300), null));
    }

    FakeTransport.Responder onlineGrant(String sessionId) {
        String device = deviceId();
        return request -> {
            Instant now = clock.instant();
            return TransportResponse.of(200, """
                    {"mode":"online","tier":"PRO","session_id":"%s","heartbeat_interval":300,"grace_period_days":7,
                     "lease":"%s","lease_expires_at":"%s","server_time":"%s","seats":{"used":1,"max":3}}"""
                    .formatted(sessionId, TestKeys.lease(device, sessionId, now, GRACE), now.plus(GRACE), now));
        };
    }

    /** Every endpoint refuses connections from now on: the machine went offline. */
    void serverDown() {
        for (String route : List.of("/licenses/acquire", "/licenses/reconnect", "/licenses/heartbeat", "/token",
                "/quota/commands", "/logout")) {
            transport.always("POST", route, FakeTransport.connectionRefused());
        }
        transport.always("GET", "/.well-known/openid-configuration", FakeTransport.connectionRefused());
        transport.always("GET", TestKeys.JWKS_PATH, FakeTransport.connectionRefused());
    }

    static FakeTransport.Responder freeGrant() {
        return json(200, "{\"mode\":\"offline\",\"tier\":\"FREE\",\"grace_period_days\":0}");
    }

    /** Logged in as PRO with a seat and a lease on disk. */
    void holdingSeat() {
        loggedIn();
        transport.enqueue("POST", "/licenses/acquire", onlineGrant("seat-1"));
        if (run("license", "acquire") != ExitCodes.OK) {
            throw new AssertionError("acquire failed: " + err());
        }
    }
}
