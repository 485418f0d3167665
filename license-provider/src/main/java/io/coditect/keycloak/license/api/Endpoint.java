package io.coditect.keycloak.license.api;

import io.coditect.store.StoreUnavailableException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The edge of every CODITECT resource method: turns {@link ApiException} into its JSON
 * error, an unreachable store into 503 + Retry-After, and anything unexpected into a 500
 * without a stack trace in the body (the trace goes to the server log, never a secret).
 */
public final class Endpoint {

    private static final Logger LOG = Logger.getLogger(Endpoint.class);

    private Endpoint() {
    }

    /** Keycloak's own refusals (admin permission checks, JAX-RS) rendered in our shape. */
    static ApiError forStatus(int status) {
        return switch (status) {
            case 401 -> ApiError.invalidToken("A valid bearer token of this realm is required.");
            case 403 -> ApiError.of(403, "access_denied", "You are not allowed to do this.");
            case 404 -> ApiError.notFound("not_found", "No such resource.");
            case 405 -> ApiError.of(405, "invalid_request", "This method is not allowed here.");
            case 415 -> ApiError.of(415, "invalid_request", "Send the body as application/json.");
            default -> status >= 500
                    ? ApiError.of(500, "server_error", "An unexpected error occurred. It has been logged.")
                    : ApiError.invalidRequest("The request could not be processed.");
        };
    }

    public static Response call(Supplier<Response> action) {
        try {
            return action.get();
        } catch (ApiException e) {
            return e.error().toResponse();
        } catch (StoreUnavailableException e) {
            LOG.warnf("Seat/quota store unavailable: %s", e.getMessage());
            return ApiError.storeUnavailable().toResponse();
        } catch (WebApplicationException e) {
            // JAX-RS' own refusals (e.g. unsupported media type) keep their status, in our shape.
            int status = e.getResponse() == null ? 400 : e.getResponse().getStatus();
            return forStatus(status).toResponse();
        } catch (RuntimeException e) {
            LOG.error("Unexpected error in a CODITECT endpoint", e);
            return ApiError.of(500, "server_error", "An unexpected error occurred. It has been logged.").toResponse();
        }
    }
}
