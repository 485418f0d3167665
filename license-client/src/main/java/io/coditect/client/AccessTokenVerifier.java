package io.coditect.client;

import com.nimbusds.jwt.JWTClaimsSet;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the CODITECT claims from an access token after checking its signature against the
 * realm's JWKS, so {@code whoami} shows what the server really issued, even offline.
 */
public final class AccessTokenVerifier {

    private final JwtVerifier jwt;

    public AccessTokenVerifier(JwtVerifier jwt) {
        this.jwt = jwt;
    }

    public Identity verify(String accessToken) {
        JWTClaimsSet claims = jwt.verify(accessToken, null);
        return new Identity(
                claims.getSubject(),
                string(claims, "preferred_username"),
                string(claims, "email"),
                string(claims, "tenant_id"),
                string(claims, "tier"),
                string(claims, "role"),
                scopes(claims.getClaim("scopes")),
                string(claims, "license_key"),
                claims.getExpirationTime() == null ? null : claims.getExpirationTime().toInstant());
    }

    private static String string(JWTClaimsSet claims, String name) {
        Object value = claims.getClaim(name);
        return value == null ? null : value.toString();
    }

    // The mapper emits a JSON array; a space-separated string is accepted too, like OAuth "scope".
    static List<String> scopes(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        if (value instanceof String text && !text.isBlank()) {
            return Arrays.stream(text.trim().split("\\s+")).toList();
        }
        return List.of();
    }
}
