package io.coditect.client;

/** The token or device endpoint answered with an OAuth error ({@code error} field, RFC 6749 §5.2). */
public class OAuthErrorException extends CoditectException {

    private final int status;

    public OAuthErrorException(int status, String error, String description) {
        super(error, description == null || description.isBlank() ? error : description, null);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
