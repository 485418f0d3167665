package io.coditect.client;

import java.net.URI;

/** Keycloak-shaped endpoints for tests that do not exercise discovery itself. */
public final class OidcFixture {

    public static final String BASE = TestKeys.ISSUER + "/protocol/openid-connect";
    public static final OidcEndpoints ENDPOINTS = new OidcEndpoints(TestKeys.ISSUER,
            URI.create(BASE + "/auth"), URI.create(BASE + "/token"), URI.create(BASE + "/auth/device"),
            URI.create(BASE + "/logout"), URI.create(BASE + "/certs"));

    public static final String DISCOVERY = """
            {"issuer":"%1$s","authorization_endpoint":"%2$s/auth","token_endpoint":"%2$s/token",
             "device_authorization_endpoint":"%2$s/auth/device","end_session_endpoint":"%2$s/logout",
             "jwks_uri":"%2$s/certs"}""".formatted(TestKeys.ISSUER, BASE);

    public static final String TOKENS = """
            {"access_token":"at-1","refresh_token":"rt-1","id_token":"id-1","expires_in":300,
             "refresh_expires_in":0,"token_type":"Bearer","scope":"openid offline_access"}""";

    private OidcFixture() {
    }
}
