package io.coditect.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scripted {@link HttpTransport}: answers are queued per "METHOD path-suffix" and used in
 * order, then a standing answer if one is set. Anything unscripted fails the test.
 */
public final class FakeTransport implements HttpTransport {

    @FunctionalInterface
    public interface Responder {
        TransportResponse respond(TransportRequest request) throws IOException;
    }

    private final Map<String, Deque<Responder>> queued = new LinkedHashMap<>();
    private final Map<String, Responder> standing = new LinkedHashMap<>();
    private final List<TransportRequest> requests = new ArrayList<>();

    public FakeTransport enqueue(String method, String pathSuffix, Responder... responders) {
        Deque<Responder> queue = queued.computeIfAbsent(method + " " + pathSuffix, k -> new ArrayDeque<>());
        queue.addAll(List.of(responders));
        return this;
    }

    public FakeTransport always(String method, String pathSuffix, Responder responder) {
        standing.put(method + " " + pathSuffix, responder);
        return this;
    }

    public List<TransportRequest> requests() {
        return List.copyOf(requests);
    }

    public List<TransportRequest> requests(String method, String pathSuffix) {
        return requests.stream()
                .filter(r -> r.method().equals(method) && r.uri().getPath().endsWith(pathSuffix))
                .toList();
    }

    @Override
    public synchronized TransportResponse send(TransportRequest request) throws IOException {
        requests.add(request);
        for (Map.Entry<String, Deque<Responder>> entry : queued.entrySet()) {
            if (matches(entry.getKey(), request) && !entry.getValue().isEmpty()) {
                return entry.getValue().poll().respond(request);
            }
        }
        for (Map.Entry<String, Responder> entry : standing.entrySet()) {
            if (matches(entry.getKey(), request)) {
                return entry.getValue().respond(request);
            }
        }
        throw new AssertionError("unscripted request " + request);
    }

    private static boolean matches(String key, TransportRequest request) {
        int space = key.indexOf(' ');
        return request.method().equals(key.substring(0, space)) && request.uri().getPath().endsWith(key.substring(space + 1));
    }

    public static Responder json(int status, String body) {
        return request -> TransportResponse.of(status, body);
    }

    public static Responder status(int status) {
        return request -> TransportResponse.of(status, "");
    }

    public static Responder error(int status, String error) {
        return json(status, "{\"error\":\"" + error + "\",\"error_description\":\"" + error + " (test)\"}");
    }

    public static Responder connectionRefused() {
        return request -> {
            throw new ConnectException("Connection refused");
        };
    }

    public static Responder timeout() {
        return request -> {
            throw new HttpTimeoutException("request timed out");
        };
    }
}
