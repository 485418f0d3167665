package io.coditect.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;

/**
 * Calls the realm's CODITECT endpoints with the user's bearer token. On a 401 it refreshes
 * the token once and retries once: an access token lives minutes, so expiry is routine,
 * but a second 401 means the login itself is no good and retrying further would loop.
 */
public final class BearerClient {

    private final ServerConfig server;
    private final HttpTransport transport;
    private final AccessTokenSource tokens;

    public BearerClient(ServerConfig server, HttpTransport transport, AccessTokenSource tokens) {
        this.server = server;
        this.transport = transport;
        this.tokens = tokens;
    }

    /**
     * @param realmPath path under {@code {server}/realms/{realm}}
     * @param body      JSON body, or null
     * @return the 2xx answer
     * @throws ApiErrorException          on a 4xx answer (after the one refresh for 401)
     * @throws ServerUnavailableException on no answer or 5xx
     */
    public TransportResponse call(String method, String realmPath, JsonNode body) {
        URI uri = server.realmUri(realmPath);
        TransportRequest request = TransportRequest.json(method, uri, body == null ? null : Json.write(body));
        TransportResponse response = send(request, tokens.accessToken());
        if (response.status() == 401) {
            response = send(request, tokens.refreshAccessToken());
        }
        if (!response.isSuccess()) {
            throw ApiErrorException.from(response);
        }
        return response;
    }

    public JsonNode callForJson(String method, String realmPath, JsonNode body) {
        return Json.parseLenient(call(method, realmPath, body).body());
    }

    private TransportResponse send(TransportRequest request, String accessToken) {
        return ServerCall.send(transport, request.withHeader("Authorization", "Bearer " + accessToken));
    }
}
