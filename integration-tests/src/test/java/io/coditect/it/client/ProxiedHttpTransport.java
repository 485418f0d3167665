package io.coditect.it.client;

import io.coditect.client.ClientVersion;
import io.coditect.client.HttpTransport;
import io.coditect.client.TransportRequest;
import io.coditect.client.TransportResponse;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The client's production transport ({@code JdkHttpTransport}: java.net.http, no redirects, same
 * User-Agent), except that every connection goes to {@code via} as an HTTP proxy (HTTP/1.1, and
 * shorter timeouts so a broken link fails fast). {@code JdkHttpTransport} itself takes no proxy.
 *
 * <p>Why a proxy and not a changed URL: the client derives the issuer it trusts from the server
 * URL, and Keycloak (no fixed hostname in start-dev) derives the issuer it writes into tokens and
 * leases from the request's Host. Pointing the client at {@code http://localhost:<proxy port>}
 * would make both sides disagree with the tokens already issued. Through an HTTP proxy the URL,
 * the Host header and so the issuer stay {@code http://localhost:<keycloak port>}; only the
 * socket goes to the {@link TcpProxy}, which forwards the bytes (Keycloak accepts the
 * absolute-form request line, RFC 9112 §3.2.2).
 */
public final class ProxiedHttpTransport implements HttpTransport {

    private final HttpClient client;
    private final Duration requestTimeout;

    public ProxiedHttpTransport(InetSocketAddress via) {
        this.client = HttpClient.newBuilder()
                .proxy(ProxySelector.of(via))
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.requestTimeout = Duration.ofSeconds(15);
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
