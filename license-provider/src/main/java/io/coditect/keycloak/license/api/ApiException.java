package io.coditect.keycloak.license.api;

/** Carries an {@link ApiError} out of a request; rendered by {@link Endpoint}. */
public class ApiException extends RuntimeException {

    private final transient ApiError error;

    public ApiException(ApiError error) {
        super(error.toString(), null, false, false);
        this.error = error;
    }

    public ApiError error() {
        return error;
    }
}
