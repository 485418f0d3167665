package io.coditect.it.support;

/** PKCE S256 pairs for the tests' logins (RFC 7636). */
public final class Pkce {

    private Pkce() {
    }

    public static String verifier() {
        return DeviceLogin.verifier();
    }

    public static String challenge(String verifier) {
        return DeviceLogin.challenge(verifier);
    }
}
