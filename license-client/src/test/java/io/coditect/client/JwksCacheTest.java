package io.coditect.client;

import static io.coditect.client.FakeTransport.connectionRefused;
import static io.coditect.client.FakeTransport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JwksCacheTest {

    static final Instant NOW = Instant.parse("2026-12-03T16:20:00Z");

    @TempDir
    Path configDir;

    final MutableClock clock = new MutableClock(NOW);
    final FakeTransport transport = new FakeTransport();

    LeaseVerifier verifier() {
        JwksCache cache = new JwksCache(TestKeys.ISSUER, () -> URI.create(TestKeys.ISSUER + TestKeys.JWKS_PATH),
                transport, configDir.resolve(JwksCache.FILE_NAME), clock);
        return new LeaseVerifier(new JwtVerifier(cache, TestKeys.ISSUER));
    }

    String leaseSignedBy(com.nimbusds.jose.jwk.RSAKey key) {
        return TestKeys.sign(key, new JOSEObjectType(LeaseVerifier.TYPE),
                TestKeys.leaseClaims("device-A", "seat-1", NOW, Duration.ofDays(7)).build());
    }

    @Test
    void fetchesOnceAndServesFromCache() {
        transport.enqueue("GET", TestKeys.JWKS_PATH, json(200, TestKeys.jwks(TestKeys.REALM_KEY)));
        LeaseVerifier verifier = verifier();

        verifier.verify(leaseSignedBy(TestKeys.REALM_KEY), "device-A");
        verifier.verify(leaseSignedBy(TestKeys.REALM_KEY), "device-A");

        assertThat(transport.requests("GET", TestKeys.JWKS_PATH)).hasSize(1);
    }

    @Test
    void unknownKidRefetchesAfterKeyRotation() {
        transport.enqueue("GET", TestKeys.JWKS_PATH,
                json(200, TestKeys.jwks(TestKeys.REALM_KEY)),
                json(200, TestKeys.jwks(TestKeys.REALM_KEY, TestKeys.ROTATED_KEY)));
        LeaseVerifier verifier = verifier();
        verifier.verify(leaseSignedBy(TestKeys.REALM_KEY), "device-A");
        clock.advance(Duration.ofMinutes(5));

        verifier.verify(leaseSignedBy(TestKeys.ROTATED_KEY), "device-A");

        assertThat(transport.requests("GET", TestKeys.JWKS_PATH)).hasSize(2);
    }

    @Test
    void unknownKidsDoNotHammerTheServer() {
        transport.always("GET", TestKeys.JWKS_PATH, json(200, TestKeys.jwks(TestKeys.REALM_KEY)));
        LeaseVerifier verifier = verifier();
        verifier.verify(leaseSignedBy(TestKeys.REALM_KEY), "device-A");

        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> verifier.verify(leaseSignedBy(TestKeys.ROTATED_KEY), "device-A"))
                    .isInstanceOfSatisfying(JwtVerificationException.class,
                            e -> assertThat(e.problem()).isEqualTo(JwtProblem.UNKNOWN_KEY));
        }

        assertThat(transport.requests("GET", TestKeys.JWKS_PATH)).hasSize(1);
    }

    @Test
    void cachedOnDiskSoVerificationWorksOffline() {
        transport.enqueue("GET", TestKeys.JWKS_PATH, json(200, TestKeys.jwks(TestKeys.REALM_KEY)));
        verifier().verify(leaseSignedBy(TestKeys.REALM_KEY), "device-A");
        transport.always("GET", TestKeys.JWKS_PATH, connectionRefused());

        Lease lease = verifier().verify(leaseSignedBy(TestKeys.REALM_KEY), "device-A");

        assertThat(lease.deviceId()).isEqualTo("device-A");
        assertThat(transport.requests("GET", TestKeys.JWKS_PATH)).hasSize(1);
    }

    @Test
    void noCacheAndNoServerIsANetworkProblem() {
        transport.always("GET", TestKeys.JWKS_PATH, connectionRefused());

        assertThatThrownBy(() -> verifier().verify(leaseSignedBy(TestKeys.REALM_KEY), "device-A"))
                .isInstanceOf(ServerUnavailableException.class);
    }
}
