package io.coditect.client;

import java.io.IOException;

/**
 * The one seam between the client and the network. Everything above it (OIDC, license
 * API, JWKS) is plain logic, so tests swap in a scripted fake and never open a socket.
 */
public interface HttpTransport {

    /**
     * Sends the request and returns whatever status the server answered with.
     *
     * @throws IOException when no answer arrived at all (connect error, timeout, reset)
     */
    TransportResponse send(TransportRequest request) throws IOException;
}
