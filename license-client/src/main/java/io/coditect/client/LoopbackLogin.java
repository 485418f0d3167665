package io.coditect.client;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Login by authorization code + PKCE with the browser redirecting back to a one-shot
 * listener on {@code http://127.0.0.1:<port>/callback}. The alternative to the device flow
 * for machines with a browser.
 */
public final class LoopbackLogin {

    public static final String CALLBACK_PATH = "/callback";

    private final Supplier<OidcEndpoints> endpoints;
    private final TokenEndpoint tokenEndpoint;
    private final Duration timeout;

    public LoopbackLogin(Supplier<OidcEndpoints> endpoints, TokenEndpoint tokenEndpoint, Duration timeout) {
        this.endpoints = endpoints;
        this.tokenEndpoint = tokenEndpoint;
        this.timeout = timeout;
    }

    /**
     * @param port        0 for any free port
     * @param openBrowser receives the URL to visit (print it, open a browser, or both)
     */
    public TokenSet login(String scope, int port, Consumer<URI> openBrowser) {
        OidcEndpoints oidc = endpoints.get();
        CompletableFuture<Map<String, String>> callback = new CompletableFuture<>();
        HttpServer server = listen(port, callback);
        try {
            // 127.0.0.1 rather than "localhost": RFC 8252 §8.3, the name could resolve elsewhere.
            URI redirect = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + CALLBACK_PATH);
            AuthorizationRequest request = AuthorizationRequest.create(
                    oidc.authorizationEndpoint(), tokenEndpoint.clientId(), redirect, scope);
            openBrowser.accept(request.toUri());
            String code = request.codeFrom(await(callback));
            return tokenEndpoint.grant(request.tokenRequest(code));
        } finally {
            server.stop(0);
        }
    }

    private Map<String, String> await(CompletableFuture<Map<String, String>> callback) {
        try {
            return callback.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new LoginFailedException("timeout", "No answer from the browser within " + timeout.toMinutes() + " minutes.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LoginFailedException("interrupted", "Login interrupted.");
        } catch (ExecutionException e) {
            throw new LoginFailedException("callback_failed", "The browser callback failed: " + e.getCause().getMessage());
        }
    }

    private static HttpServer listen(int port, CompletableFuture<Map<String, String>> callback) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            server.createContext(CALLBACK_PATH, exchange -> {
                Map<String, String> query = parseQuery(exchange.getRequestURI().getRawQuery());
                boolean ok = query.containsKey("code") && !query.containsKey("error");
                byte[] page = page(ok).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, page.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(page);
                }
                callback.complete(query);
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
        }
    }

    static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery == null) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            query.putIfAbsent(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return query;
    }

    private static String page(boolean ok) {
        String message = ok ? "You are logged in to CODITECT. You can close this tab and return to the terminal."
                : "The CODITECT login did not complete. Return to the terminal for details.";
        return "<!doctype html><html><head><meta charset=\"utf-8\"><title>CODITECT</title></head>"
                + "<body style=\"font-family:sans-serif;margin:3em\"><p>" + message + "</p></body></html>";
    }
}
