package io.coditect.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;

/** The parts of the realm's OpenID Provider metadata the client uses. */
public record OidcEndpoints(
        String issuer,
        URI authorizationEndpoint,
        URI tokenEndpoint,
        URI deviceAuthorizationEndpoint,
        URI endSessionEndpoint,
        URI jwksUri) {

    public static OidcEndpoints from(JsonNode metadata) {
        return new OidcEndpoints(
                Json.text(metadata, "issuer"),
                uri(metadata, "authorization_endpoint"),
                uri(metadata, "token_endpoint"),
                uri(metadata, "device_authorization_endpoint"),
                uri(metadata, "end_session_endpoint"),
                uri(metadata, "jwks_uri"));
    }

    private static URI uri(JsonNode metadata, String field) {
        String value = Json.text(metadata, field);
        return value == null ? null : URI.create(value);
    }
}
