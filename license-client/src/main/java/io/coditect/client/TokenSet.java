package io.coditect.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;

/** Tokens from the token endpoint, with absolute expiry times computed on receipt. */
public record TokenSet(
        String accessToken,
        String refreshToken,
        String idToken,
        String scope,
        Instant accessTokenExpiresAt,
        Instant refreshTokenExpiresAt) {

    /** Parses a token endpoint answer (RFC 6749 §5.1). */
    public static TokenSet fromTokenResponse(JsonNode body, Clock clock) {
        Instant now = clock.instant();
        Long expiresIn = Json.longValue(body, "expires_in");
        Long refreshExpiresIn = Json.longValue(body, "refresh_expires_in");
        return new TokenSet(
                Json.text(body, "access_token"),
                Json.text(body, "refresh_token"),
                Json.text(body, "id_token"),
                Json.text(body, "scope"),
                expiresIn == null ? null : now.plusSeconds(expiresIn),
                // Keycloak reports 0 for offline tokens: they expire only when idle too long.
                refreshExpiresIn == null || refreshExpiresIn <= 0 ? null : now.plusSeconds(refreshExpiresIn));
    }

    /** A refresh answer may omit the refresh token; the old one then stays valid. */
    public TokenSet mergedWith(TokenSet refreshed) {
        return new TokenSet(
                refreshed.accessToken,
                refreshed.refreshToken != null ? refreshed.refreshToken : refreshToken,
                refreshed.idToken != null ? refreshed.idToken : idToken,
                refreshed.scope != null ? refreshed.scope : scope,
                refreshed.accessTokenExpiresAt,
                refreshed.refreshToken != null ? refreshed.refreshTokenExpiresAt : refreshTokenExpiresAt);
    }

    public boolean accessTokenExpiresWithin(java.time.Duration margin, Clock clock) {
        return accessTokenExpiresAt != null && !clock.instant().plus(margin).isBefore(accessTokenExpiresAt);
    }

    ObjectNode toJson() {
        ObjectNode node = Json.object();
        node.put("access_token", accessToken);
        node.put("refresh_token", refreshToken);
        node.put("id_token", idToken);
        node.put("scope", scope);
        node.put("access_token_expires_at", accessTokenExpiresAt == null ? null : accessTokenExpiresAt.toString());
        node.put("refresh_token_expires_at", refreshTokenExpiresAt == null ? null : refreshTokenExpiresAt.toString());
        return node;
    }

    static TokenSet fromJson(JsonNode node) {
        return new TokenSet(
                Json.text(node, "access_token"),
                Json.text(node, "refresh_token"),
                Json.text(node, "id_token"),
                Json.text(node, "scope"),
                Json.instant(node, "access_token_expires_at"),
                Json.instant(node, "refresh_token_expires_at"));
    }

    /** Tokens are credentials: keep them out of logs and exception messages. */
    @Override
    public String toString() {
        return "TokenSet[scope=" + scope + ", accessTokenExpiresAt=" + accessTokenExpiresAt
                + ", refreshToken=" + (refreshToken == null ? "none" : "present") + "]";
    }
}
