package io.coditect.client;

import java.io.IOException;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The production transport on {@link HttpClient}. */
public final class JdkHttpTransport implements HttpTransport {

    private final HttpClient client;
    private final Duration requestTimeout;

    public JdkHttpTransport() {
        this(Duration.ofSeconds(10), Duration.ofSeconds(30));
    }

    public JdkHttpTransport(Duration connectTimeout, Duration requestTimeout) {
        this(connectTimeout, requestTimeout, null);
    }

    /**
     * Through an HTTP proxy (e.g. a corporate one): the URL and Host header, and so the issuer
     * Keycloak writes into tokens, stay the server's; only the socket goes to the proxy.
     */
    public JdkHttpTransport(Duration connectTimeout, Duration requestTimeout, ProxySelector proxy) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                // Keycloak answers the logout and account endpoints without redirects for API
                // callers; following one would silently turn a POST into a GET.
                .followRedirects(HttpClient.Redirect.NEVER);
        if (proxy != null) {
            builder.proxy(proxy).version(HttpClient.Version.HTTP_1_1);
        }
        this.client = builder.build();
        this.requestTimeout = requestTimeout;
    }

    @Override
    public TransportResponse send(TransportRequest request) throws IOException {
        HttpRequest.BodyPublisher body = request.body() == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(request.body());
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri())
                .timeout(requestTimeout)
                .method(request.method(), body);
        request.headers().forEach(builder::header);
        builder.setHeader("User-Agent", "coditect-client/" + ClientVersion.current());
        try {
            HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new TransportResponse(response.statusCode(), response.headers().map(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + request.uri().getHost(), e);
        }
    }
}
