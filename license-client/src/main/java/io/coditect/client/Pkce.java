package io.coditect.client;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A PKCE pair (RFC 7636) with method S256. The server requires it on the device endpoint
 * too, so a stolen device_code cannot be redeemed without the verifier kept here.
 */
public record Pkce(String verifier, String challenge) {

    public static final String METHOD = "S256";

    private static final SecureRandom RANDOM = new SecureRandom();

    public static Pkce generate() {
        return generate(RANDOM);
    }

    public static Pkce generate(SecureRandom random) {
        // 32 random bytes give a 43-character verifier: the RFC's minimum length, 256 bits.
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String verifier = base64Url(bytes);
        return new Pkce(verifier, challengeFor(verifier));
    }

    public static String challengeFor(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return base64Url(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public String toString() {
        return "Pkce[S256]";
    }
}
