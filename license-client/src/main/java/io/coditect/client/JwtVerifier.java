package io.coditect.client;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.util.List;
import java.util.Set;

/**
 * Verifies a compact JWS against the realm's JWKS: asymmetric algorithm, known key, valid
 * signature, expected issuer (and optionally header {@code typ}). Time claims are left to
 * the caller, because a lease past its exp is still worth reading (to say "expired" and to
 * reconnect with it).
 */
public final class JwtVerifier {

    static final Set<JWSAlgorithm> ALLOWED_ALGORITHMS = Set.of(
            JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512,
            JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512);

    private final JwksCache keys;
    private final String issuer;

    public JwtVerifier(JwksCache keys, String issuer) {
        this.keys = keys;
        this.issuer = issuer;
    }

    public String issuer() {
        return issuer;
    }

    /**
     * @param expectedType the header typ to insist on (compared ignoring case, RFC 7515 §4.1.9), or null
     */
    public JWTClaimsSet verify(String compact, String expectedType) {
        SignedJWT signed = parseSigned(compact);
        JWSHeader header = signed.getHeader();
        if (expectedType != null) {
            JOSEObjectType type = header.getType();
            if (type == null || !expectedType.equalsIgnoreCase(type.getType())) {
                throw new JwtVerificationException(JwtProblem.WRONG_TYPE,
                        "expected a " + expectedType + " but got typ " + (type == null ? "(none)" : type.getType()));
            }
        }
        JWSAlgorithm algorithm = header.getAlgorithm();
        if (!ALLOWED_ALGORITHMS.contains(algorithm)) {
            throw new JwtVerificationException(JwtProblem.DISALLOWED_ALGORITHM, "algorithm " + algorithm + " is not accepted");
        }
        List<JWK> candidates = keys.candidates(header.getKeyID(), algorithm);
        if (candidates.isEmpty()) {
            throw new JwtVerificationException(JwtProblem.UNKNOWN_KEY, "signed with a key the realm does not publish (kid "
                    + header.getKeyID() + ")");
        }
        if (candidates.stream().noneMatch(key -> verifies(signed, key))) {
            throw new JwtVerificationException(JwtProblem.BAD_SIGNATURE, "signature does not verify");
        }
        JWTClaimsSet claims = claims(signed);
        if (!issuer.equals(claims.getIssuer())) {
            throw new JwtVerificationException(JwtProblem.WRONG_ISSUER, "issued by " + claims.getIssuer() + ", expected " + issuer);
        }
        return claims;
    }

    private static SignedJWT parseSigned(String compact) {
        JWT jwt;
        try {
            jwt = JWTParser.parse(compact == null ? "" : compact.trim());
        } catch (ParseException e) {
            throw new JwtVerificationException(JwtProblem.MALFORMED, "not a JWT: " + e.getMessage());
        }
        if (jwt instanceof PlainJWT) {
            throw new JwtVerificationException(JwtProblem.UNSIGNED, "unsigned JWT (alg none) refused");
        }
        if (!(jwt instanceof SignedJWT signed)) {
            throw new JwtVerificationException(JwtProblem.UNSIGNED, "expected a signed JWT");
        }
        return signed;
    }

    private static boolean verifies(SignedJWT signed, JWK key) {
        try {
            JWSVerifier verifier;
            if (key instanceof RSAKey rsa) {
                verifier = new RSASSAVerifier(rsa);
            } else if (key instanceof ECKey ec) {
                verifier = new ECDSAVerifier(ec);
            } else {
                return false;
            }
            return signed.verify(verifier);
        } catch (JOSEException e) {
            return false;
        }
    }

    private static JWTClaimsSet claims(SignedJWT signed) {
        try {
            return signed.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new JwtVerificationException(JwtProblem.MALFORMED, "claims are not a JSON object");
        }
    }
}
