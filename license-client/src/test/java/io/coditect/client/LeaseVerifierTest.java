package io.coditect.client;

import static io.coditect.client.FakeTransport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LeaseVerifierTest {

    static final String DEVICE = "device-A";
    static final Instant NOW = Instant.parse("2026-12-03T16:20:00Z");
    static final JOSEObjectType LEASE_TYPE = new JOSEObjectType(LeaseVerifier.TYPE);

    final MutableClock clock = new MutableClock(NOW);
    final FakeTransport transport = new FakeTransport()
            .always("GET", TestKeys.JWKS_PATH, json(200, TestKeys.jwks(TestKeys.REALM_KEY)));
    final LeaseVerifier verifier = new LeaseVerifier(new JwtVerifier(new JwksCache(TestKeys.ISSUER,
            () -> URI.create(TestKeys.ISSUER + TestKeys.JWKS_PATH), transport, null, clock), TestKeys.ISSUER));

    JWTClaimsSet.Builder claims() {
        return TestKeys.leaseClaims(DEVICE, "seat-1", NOW, Duration.ofDays(7));
    }

    JwtProblem problemOf(String jws) {
        try {
            verifier.verify(jws, DEVICE);
        } catch (JwtVerificationException e) {
            return e.problem();
        }
        throw new AssertionError("lease was accepted");
    }

    @Test
    void acceptsALeaseSignedByTheRealm() {
        Lease lease = verifier.verify(TestKeys.lease(DEVICE, "seat-1", NOW, Duration.ofDays(7)), DEVICE);

        assertThat(lease.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(7)));
        assertThat(lease.issuedAt()).isEqualTo(NOW);
        assertThat(lease.notBefore()).isEqualTo(NOW);
        assertThat(lease.subject()).isEqualTo("user-1");
        assertThat(lease.audience()).containsExactly("coditect-cli");
        assertThat(lease.tenantId()).isEqualTo("tenant-1");
        assertThat(lease.licenseId()).isEqualTo("license-1");
        assertThat(lease.tier()).isEqualTo("PRO");
        assertThat(lease.deviceId()).isEqualTo(DEVICE);
        assertThat(lease.seatSessionId()).isEqualTo("seat-1");
        assertThat(lease.id()).isNotBlank();
    }

    @Test
    void anExpiredLeaseStillVerifiesSoTheValidatorCanSayExpired() {
        Lease lease = verifier.verify(TestKeys.lease(DEVICE, "seat-1", NOW.minus(Duration.ofDays(30)), Duration.ofDays(7)), DEVICE);

        assertThat(lease.isExpiredAt(NOW)).isTrue();
    }

    @Test
    void tamperedPayloadIsRefused() {
        String[] parts = TestKeys.lease(DEVICE, "seat-1", NOW, Duration.ofDays(7)).split("\\.");
        String longerGrace = Base64URL.encode(claims().expirationTime(java.util.Date.from(NOW.plus(Duration.ofDays(365))))
                .build().toString().getBytes(StandardCharsets.UTF_8)).toString();

        assertThat(problemOf(parts[0] + "." + longerGrace + "." + parts[2])).isEqualTo(JwtProblem.BAD_SIGNATURE);
    }

    @Test
    void tamperedSignatureIsRefused() {
        String jws = TestKeys.lease(DEVICE, "seat-1", NOW, Duration.ofDays(7));
        char last = jws.charAt(jws.length() - 5);
        String flipped = jws.substring(0, jws.length() - 5) + (last == 'A' ? 'B' : 'A') + jws.substring(jws.length() - 4);

        assertThat(problemOf(flipped)).isEqualTo(JwtProblem.BAD_SIGNATURE);
    }

    @Test
    void algNoneIsRefused() {
        String unsigned = new PlainJWT(claims().build()).serialize();
        // Also the classic attack: keep a realistic header but say alg none and drop the signature.
        String[] signed = TestKeys.lease(DEVICE, "seat-1", NOW, Duration.ofDays(7)).split("\\.");
        String noneHeader = Base64URL.encode("{\"alg\":\"none\",\"typ\":\"coditect-lease+jwt\",\"kid\":\"realm-key-1\"}"
                .getBytes(StandardCharsets.UTF_8)).toString();

        assertThat(problemOf(unsigned)).isEqualTo(JwtProblem.UNSIGNED);
        assertThat(problemOf(noneHeader + "." + signed[1] + ".")).isEqualTo(JwtProblem.UNSIGNED);
    }

    @Test
    void hmacWithThePublicKeyIsRefused() throws JOSEException {
        // Key confusion: an attacker "signs" with HS256 using bytes everyone knows.
        byte[] secret = TestKeys.REALM_KEY.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(LEASE_TYPE)
                .keyID("realm-key-1").build(), claims().build());
        forged.sign(new MACSigner(secret));

        assertThat(problemOf(forged.serialize())).isEqualTo(JwtProblem.DISALLOWED_ALGORITHM);
    }

    @Test
    void leaseSignedByAnotherKeyWithTheSameKidIsRefused() {
        String forged = TestKeys.sign(TestKeys.ATTACKER_KEY, LEASE_TYPE, claims().build());

        assertThat(problemOf(forged)).isEqualTo(JwtProblem.BAD_SIGNATURE);
    }

    @Test
    void wrongTypeIsRefused() {
        assertThat(problemOf(TestKeys.sign(TestKeys.REALM_KEY, JOSEObjectType.JWT, claims().build())))
                .isEqualTo(JwtProblem.WRONG_TYPE);
    }

    @Test
    void foreignIssuerIsRefused() {
        String foreign = TestKeys.sign(TestKeys.REALM_KEY, LEASE_TYPE,
                claims().issuer("http://kc.test/realms/other").build());

        assertThat(problemOf(foreign)).isEqualTo(JwtProblem.WRONG_ISSUER);
    }

    @Test
    void leaseOfAnotherDeviceIsRefused() {
        assertThat(problemOf(TestKeys.lease("device-B", "seat-1", NOW, Duration.ofDays(7))))
                .isEqualTo(JwtProblem.WRONG_DEVICE);
    }

    @Test
    void missingExpiryIsRefused() {
        assertThat(problemOf(TestKeys.sign(TestKeys.REALM_KEY, LEASE_TYPE, claims().expirationTime(null).build())))
                .isEqualTo(JwtProblem.MISSING_CLAIM);
    }

    @Test
    void garbageIsMalformed() {
        assertThat(problemOf("not-a-jwt")).isEqualTo(JwtProblem.MALFORMED);
        assertThatThrownBy(() -> verifier.verify(null, DEVICE)).isInstanceOf(JwtVerificationException.class);
    }

    @Test
    void typeIsComparedIgnoringCase() {
        String upper = TestKeys.sign(TestKeys.REALM_KEY, new JOSEObjectType("CODITECT-LEASE+JWT"), claims().build());

        assertThat(verifier.verify(upper, DEVICE).deviceId()).isEqualTo(DEVICE);
    }
}
