package io.coditect.client;

import static io.coditect.client.FakeTransport.json;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A validator wired to a fake server, a manual clock and scheduler, and a temp config dir. */
final class ValidatorFixture {

    static final String DEVICE = "device-A";
    static final Instant T0 = Instant.parse("2026-12-03T16:20:00Z");
    static final Duration GRACE = Duration.ofDays(7);
    static final Duration HEARTBEAT = Duration.ofSeconds(300);
    static final ServerConfig SERVER = ServerConfig.of("http://kc.test", "coditect");

    final Path configDir;
    final MutableClock clock = new MutableClock(T0);
    final ManualScheduler scheduler = new ManualScheduler(clock);
    final FakeTransport transport = new FakeTransport();
    final FakeTokens tokens = new FakeTokens();
    final List<LicenseState> transitions = new ArrayList<>();
    ValidatorSettings settings = ValidatorSettings.defaults();

    ValidatorFixture(Path configDir) {
        this.configDir = configDir;
        transport.always("GET", TestKeys.JWKS_PATH, json(200, TestKeys.jwks(TestKeys.REALM_KEY)));
    }

    HybridLicenseValidator validator() {
        return validator(DEVICE);
    }

    HybridLicenseValidator validator(String deviceId) {
        JwksCache keys = new JwksCache(SERVER.issuer(), () -> URI.create(SERVER.issuer() + TestKeys.JWKS_PATH),
                transport, configDir.resolve(JwksCache.FILE_NAME), clock);
        LicenseApi api = new LicenseApi(new BearerClient(SERVER, transport, tokens));
        HybridLicenseValidator validator = new HybridLicenseValidator(api,
                new LeaseVerifier(new JwtVerifier(keys, SERVER.issuer())),
                new LeaseStore(configDir, SERVER.issuer()), deviceId, clock, scheduler, settings);
        validator.addListener((previous, current) -> transitions.add(current.state()));
        return validator;
    }

    LeaseStore leaseStore() {
        return new LeaseStore(configDir, SERVER.issuer());
    }

    /** An online acquire/reconnect answer, stamped with the fake clock when it is sent. */
    FakeTransport.Responder onlineGrant(String sessionId) {
        return onlineGrant(sessionId, DEVICE);
    }

    FakeTransport.Responder onlineGrant(String sessionId, String leaseDevice) {
        return request -> {
            Instant now = clock.instant();
            return TransportResponse.of(200, """
                    {"mode":"online","tier":"PRO","session_id":"%s","heartbeat_interval":300,
                     "grace_period_days":7,"lease":"%s","lease_expires_at":"%s","server_time":"%s",
                     "seats":{"used":1,"max":3}}"""
                    .formatted(sessionId, TestKeys.lease(leaseDevice, sessionId, now, GRACE), now.plus(GRACE), now));
        };
    }

    FakeTransport.Responder heartbeatOk(String sessionId) {
        return request -> {
            Instant now = clock.instant();
            return TransportResponse.of(200, """
                    {"status":"ok","next_heartbeat_in":300,"lease":"%s","lease_expires_at":"%s","server_time":"%s"}"""
                    .formatted(TestKeys.lease(DEVICE, sessionId, now, GRACE), now.plus(GRACE), now));
        };
    }

    static FakeTransport.Responder freeGrant() {
        return json(200, "{\"mode\":\"offline\",\"tier\":\"FREE\",\"grace_period_days\":0}");
    }

    /** Acquires seat-1 at the current time and returns the validator, ONLINE. */
    HybridLicenseValidator online() {
        transport.enqueue("POST", "/licenses/acquire", onlineGrant("seat-1"));
        HybridLicenseValidator validator = validator();
        validator.acquire();
        return validator;
    }
}
