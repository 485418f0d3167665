package io.coditect.client;

/** No stored login for this server and realm. */
public class NotLoggedInException extends CoditectException {

    public NotLoggedInException(String message) {
        super("not_logged_in", message, null);
    }
}
