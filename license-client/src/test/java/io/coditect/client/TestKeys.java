package io.coditect.client;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/** Locally generated realm keys and JWS minting for tests. */
public final class TestKeys {

    public static final String ISSUER = "http://kc.test/realms/coditect";
    public static final String JWKS_PATH = "/protocol/openid-connect/certs";
    public static final RSAKey REALM_KEY = generate("realm-key-1");
    public static final RSAKey ROTATED_KEY = generate("realm-key-2");
    public static final RSAKey ATTACKER_KEY = generate("realm-key-1");

    private TestKeys() {
    }

    public static RSAKey generate(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String jwks(RSAKey... keys) {
        return new JWKSet(List.of(keys)).toPublicJWKSet().toString(true);
    }

    public static String sign(RSAKey key, JOSEObjectType type, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(type).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public static JWTClaimsSet.Builder leaseClaims(String deviceId, String sid, Instant issuedAt, Duration grace) {
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject("user-1")
                .audience("coditect-cli")
                .issueTime(Date.from(issuedAt))
                .notBeforeTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(grace)))
                .jwtID("lease-" + sid + "-" + issuedAt.getEpochSecond())
                .claim("tenant_id", "tenant-1")
                .claim("license_id", "license-1")
                .claim("tier", "PRO")
                .claim("device_id", deviceId)
                .claim("sid", sid);
    }

    public static String lease(String deviceId, String sid, Instant issuedAt, Duration grace) {
        return sign(REALM_KEY, new JOSEObjectType(LeaseVerifier.TYPE), leaseClaims(deviceId, sid, issuedAt, grace).build());
    }
}
