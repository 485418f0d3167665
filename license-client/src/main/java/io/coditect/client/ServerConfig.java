package io.coditect.client;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Which server, realm and OIDC client this client talks to, and the URLs derived from them. */
public record ServerConfig(URI serverUrl, String realm, String clientId) {

    public static final String DEFAULT_SERVER = "http://localhost:8080";
    public static final String DEFAULT_REALM = "coditect";
    public static final String DEFAULT_CLIENT_ID = "coditect-cli";

    public ServerConfig {
        String url = serverUrl.toString();
        // A trailing slash would double up in every derived path.
        serverUrl = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        if (realm == null || realm.isBlank()) {
            throw new IllegalArgumentException("realm must not be empty");
        }
    }

    public static ServerConfig of(String serverUrl, String realm) {
        return new ServerConfig(URI.create(serverUrl), realm, DEFAULT_CLIENT_ID);
    }

    /** The realm's issuer, also the base of every CODITECT endpoint. */
    public String issuer() {
        return serverUrl + "/realms/" + URLEncoder.encode(realm, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public URI realmUri(String path) {
        return URI.create(issuer() + (path.startsWith("/") ? path : "/" + path));
    }

    public URI discoveryUri() {
        return realmUri("/.well-known/openid-configuration");
    }
}
