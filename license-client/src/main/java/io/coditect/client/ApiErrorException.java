package io.coditect.client;

import com.fasterxml.jackson.databind.JsonNode;

/** The server answered with a 4xx and an {@code {"error", "error_description"}} body. */
public class ApiErrorException extends CoditectException {

    private final int status;
    private final JsonNode body;

    public ApiErrorException(int status, String error, String description, JsonNode body) {
        super(error, description == null || description.isBlank() ? error : description, null);
        this.status = status;
        this.body = body;
    }

    public static ApiErrorException from(TransportResponse response) {
        JsonNode body = Json.parseLenient(response.body());
        String error = Json.text(body, "error");
        if (error == null) {
            error = "http_" + response.status();
        }
        return new ApiErrorException(response.status(), error, Json.text(body, "error_description"), body);
    }

    public int status() {
        return status;
    }

    /** The whole error body, e.g. the caller's sessions listed with {@code seats_exhausted}. */
    public JsonNode body() {
        return body;
    }
}
