package io.coditect.client;

import static io.coditect.client.FakeTransport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URI;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccessTokenVerifierTest {

    static final Instant NOW = Instant.parse("2026-12-03T16:20:00Z");

    final FakeTransport transport = new FakeTransport()
            .always("GET", TestKeys.JWKS_PATH, json(200, TestKeys.jwks(TestKeys.REALM_KEY)));
    final AccessTokenVerifier verifier = new AccessTokenVerifier(new JwtVerifier(new JwksCache(TestKeys.ISSUER,
            () -> URI.create(TestKeys.ISSUER + TestKeys.JWKS_PATH), transport, null, new MutableClock(NOW)), TestKeys.ISSUER));

    static JWTClaimsSet.Builder accessToken() {
        return new JWTClaimsSet.Builder()
                .issuer(TestKeys.ISSUER).subject("user-1").expirationTime(Date.from(NOW.plusSeconds(300)))
                .claim("preferred_username", "alice").claim("email", "alice@example.com")
                .claim("tenant_id", "tenant-1").claim("tier", "PRO").claim("role", "owner")
                .claim("scopes", List.of("commands:execute", "sync:read", "sync:write"))
                .claim("license_key", "CDT-ABCDE-FGHIJ-KLMNO-PQRS7");
    }

    @Test
    void readsTheCoditectClaims() {
        Identity identity = verifier.verify(TestKeys.sign(TestKeys.REALM_KEY, JOSEObjectType.JWT, accessToken().build()));

        assertThat(identity.username()).isEqualTo("alice");
        assertThat(identity.tenantId()).isEqualTo("tenant-1");
        assertThat(identity.tier()).isEqualTo("PRO");
        assertThat(identity.role()).isEqualTo("owner");
        assertThat(identity.scopes()).containsExactly("commands:execute", "sync:read", "sync:write");
        assertThat(identity.maskedLicenseKey()).isEqualTo("CDT-XXXX…QRS7");
        assertThat(identity.toString()).doesNotContain("ABCDE");
        assertThat(identity.isExpiredAt(NOW)).isFalse();
    }

    @Test
    void userWithoutLicenseHasTierNoneAndNoKey() {
        Identity identity = verifier.verify(TestKeys.sign(TestKeys.REALM_KEY, JOSEObjectType.JWT,
                accessToken().claim("tier", "NONE").claim("license_key", null).claim("scopes", "a b").build()));

        assertThat(identity.tier()).isEqualTo("NONE");
        assertThat(identity.maskedLicenseKey()).isNull();
        assertThat(identity.scopes()).containsExactly("a", "b");
    }

    @Test
    void forgedTokenIsRefused() {
        String forged = TestKeys.sign(TestKeys.ATTACKER_KEY, JOSEObjectType.JWT, accessToken().build());

        assertThatThrownBy(() -> verifier.verify(forged)).isInstanceOf(JwtVerificationException.class);
    }
}
