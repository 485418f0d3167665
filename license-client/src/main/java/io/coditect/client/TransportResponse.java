package io.coditect.client;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A status, headers and body. Header lookup ignores case, as HTTP does. */
public record TransportResponse(int status, Map<String, List<String>> headers, String body) {

    public TransportResponse {
        headers = Map.copyOf(headers);
        body = body == null ? "" : body;
    }

    public static TransportResponse of(int status, String body) {
        return new TransportResponse(status, Map.of(), body);
    }

    public Optional<String> header(String name) {
        return headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream())
                .findFirst();
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    @Override
    public String toString() {
        return "HTTP " + status;
    }
}
