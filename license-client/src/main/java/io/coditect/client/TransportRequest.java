package io.coditect.client;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** An HTTP request as the client needs it: small, immutable, easy to assert on in tests. */
public record TransportRequest(String method, URI uri, Map<String, String> headers, String body) {

    public TransportRequest {
        headers = Map.copyOf(headers);
    }

    public static TransportRequest get(URI uri) {
        return new TransportRequest("GET", uri, Map.of("Accept", "application/json"), null);
    }

    public static TransportRequest postForm(URI uri, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return new TransportRequest("POST", uri, Map.of(
                "Content-Type", "application/x-www-form-urlencoded",
                "Accept", "application/json"), body);
    }

    public static TransportRequest json(String method, URI uri, String jsonBody) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        if (jsonBody != null) {
            headers.put("Content-Type", "application/json");
        }
        return new TransportRequest(method, uri, headers, jsonBody);
    }

    public TransportRequest withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new TransportRequest(method, uri, copy, body);
    }

    /** Form body decoded back into fields; handy for fakes and assertions. */
    public Map<String, String> formFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        if (body == null || body.isEmpty()) {
            return fields;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            fields.put(java.net.URLDecoder.decode(key, StandardCharsets.UTF_8),
                    java.net.URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return fields;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Headers may carry bearer tokens and bodies refresh tokens: never print them. */
    @Override
    public String toString() {
        return method + " " + uri;
    }
}
