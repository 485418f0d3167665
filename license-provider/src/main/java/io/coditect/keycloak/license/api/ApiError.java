package io.coditect.keycloak.license.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one error shape of every CODITECT endpoint:
 * {@code {"error": "<code>", "error_description": "<sentence for a person>", ...extra}}.
 * Thrown as {@link ApiException} from deep inside a request and rendered once at the edge.
 */
public final class ApiError {

    private static final int STORE_RETRY_AFTER_SECONDS = 5;

    private final int status;
    private final String code;
    private final String description;
    private final Map<String, Object> extra = new LinkedHashMap<>();
    private final Map<String, Object> headers = new LinkedHashMap<>();

    private ApiError(int status, String code, String description) {
        this.status = status;
        this.code = code;
        this.description = description;
    }

    public static ApiError of(int status, String code, String description) {
        return new ApiError(status, code, description);
    }

    public static ApiError invalidRequest(String description) {
        return of(400, "invalid_request", description);
    }

    public static ApiError invalidToken(String description) {
        return of(401, "invalid_token", description).header("WWW-Authenticate",
                "Bearer error=\"invalid_token\"");
    }

    public static ApiError notFound(String code, String description) {
        return of(404, code, description);
    }

    /** Redis unreachable: every endpoint tells clients to come back in the same few seconds. */
    public static ApiError storeUnavailable() {
        return of(503, "store_unavailable", "The seat and quota store cannot be reached. Try again shortly.")
                .header("Retry-After", STORE_RETRY_AFTER_SECONDS);
    }

    public ApiError with(String field, Object value) {
        extra.put(field, value);
        return this;
    }

    public ApiError header(String name, Object value) {
        headers.put(name, value);
        return this;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String description() {
        return description;
    }

    public ApiException exception() {
        return new ApiException(this);
    }

    public Response toResponse() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("error_description", description);
        body.putAll(extra);
        Response.ResponseBuilder builder = Json.status(status, body);
        headers.forEach(builder::header);
        builder.header("Cache-Control", "no-store");
        return builder.build();
    }

    @Override
    public String toString() {
        return status + " " + code;
    }
}
