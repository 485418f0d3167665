package io.coditect.keycloak.license.seat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coditect.keycloak.license.model.License;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.keycloak.crypto.SignatureProvider;
import org.keycloak.crypto.SignatureVerifierContext;
import org.keycloak.jose.jws.JWSBuilder;
import org.keycloak.jose.jws.JWSHeader;
import org.keycloak.jose.jws.JWSInput;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.Urls;
import org.keycloak.TokenCategory;

/**
 * Signs offline leases with the realm's active signing key (the same key and algorithm as its
 * access tokens), so any JOSE library can verify them against the realm's {@code jwks_uri}; and
 * verifies a lease handed back at reconnect: signature by one of this realm's keys, our
 * {@code typ}, this realm as issuer. Expiry is not checked: an expired lease is exactly what a
 * client that was offline too long brings back.
 */
public final class LeaseSigner {

    public static final String TYPE = "coditect-lease+jwt";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final KeycloakSession session;
    private final RealmModel realm;

    public LeaseSigner(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    public Lease sign(License license, String userId, String audience, String deviceId, String seatId,
            Duration grace, Instant now) {
        Instant exp = now.plus(grace);
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer());
        claims.put("sub", userId);
        claims.put("aud", audience);
        claims.put("iat", now.getEpochSecond());
        claims.put("nbf", now.getEpochSecond());
        claims.put("exp", exp.getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("tenant_id", license.tenantId());
        claims.put("license_id", license.id());
        claims.put("tier", license.tier().name());
        claims.put("device_id", deviceId);
        if (seatId != null) {
            claims.put("sid", seatId);
        }
        String algorithm = session.tokens().signatureAlgorithm(TokenCategory.ACCESS);
        SignatureProvider provider = session.getProvider(SignatureProvider.class, algorithm);
        String jws = new JWSBuilder().type(TYPE).jsonContent(claims).sign(provider.signer());
        return new Lease(jws, Instant.ofEpochSecond(exp.getEpochSecond()));
    }

    /** The lease's claims if this realm signed it, else empty (forged, foreign, tampered, alg none). */
    public Optional<JsonNode> verify(String jws) {
        try {
            JWSInput input = new JWSInput(jws);
            JWSHeader header = input.getHeader();
            if (header == null || !TYPE.equals(header.getType()) || header.getAlgorithm() == null
                    || header.getKeyId() == null) {
                return Optional.empty();
            }
            SignatureProvider provider = session.getProvider(SignatureProvider.class, header.getAlgorithm().name());
            if (provider == null || !provider.isAsymmetricAlgorithm()) {
                return Optional.empty();
            }
            SignatureVerifierContext verifier = provider.verifier(header.getKeyId());
            if (verifier == null || !verifier.verify(input.getEncodedSignatureInput().getBytes(
                    java.nio.charset.StandardCharsets.US_ASCII), input.getSignature())) {
                return Optional.empty();
            }
            JsonNode claims = MAPPER.readTree(input.getContent());
            if (claims == null || !claims.isObject() || !issuer().equals(claims.path("iss").asText(null))) {
                return Optional.empty();
            }
            return Optional.of(claims);
        } catch (Exception e) {
            // Every way a lease can be bad (not a JWS, unknown kid, bad base64, bad JSON, wrong
            // key type) means the same thing to the caller: not a lease of this realm.
            return Optional.empty();
        }
    }

    private String issuer() {
        return Urls.realmIssuer(session.getContext().getUri().getBaseUri(), realm.getName());
    }

}
