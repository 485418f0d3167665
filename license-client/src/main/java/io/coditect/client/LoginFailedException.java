package io.coditect.client;

/** An interactive login did not complete (denied, code expired, state mismatch, ...). */
public class LoginFailedException extends CoditectException {

    public LoginFailedException(String code, String message) {
        super(code, message, null);
    }
}
