package io.coditect.client;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads the realm's {@code .well-known/openid-configuration} once per process, on first
 * need: a CLI run that only verifies a cached lease never touches the network for it.
 */
public final class OidcDiscovery {

    private final ServerConfig server;
    private final HttpTransport transport;
    private OidcEndpoints endpoints;

    public OidcDiscovery(ServerConfig server, HttpTransport transport) {
        this.server = server;
        this.transport = transport;
    }

    public synchronized OidcEndpoints endpoints() {
        if (endpoints == null) {
            endpoints = fetch();
        }
        return endpoints;
    }

    private OidcEndpoints fetch() {
        TransportResponse response = ServerCall.send(transport, TransportRequest.get(server.discoveryUri()));
        if (!response.isSuccess()) {
            throw new CoditectException("discovery_failed", "OIDC discovery at " + server.discoveryUri()
                    + " answered HTTP " + response.status() + " (wrong server or realm?)", null);
        }
        JsonNode metadata = Json.parseLenient(response.body());
        OidcEndpoints found = OidcEndpoints.from(metadata);
        // A metadata document for another issuer means a misconfigured proxy or a wrong
        // realm; trusting its JWKS would let that issuer's tokens through.
        if (found.issuer() == null || !found.issuer().equals(server.issuer())) {
            throw new CoditectException("discovery_failed", "OIDC discovery issuer " + found.issuer()
                    + " does not match " + server.issuer(), null);
        }
        return found;
    }
}
