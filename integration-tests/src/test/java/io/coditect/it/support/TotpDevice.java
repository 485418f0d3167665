package io.coditect.it.support;

import java.time.Instant;

/**
 * The test's authenticator app: learns the secret on Keycloak's TOTP setup page and produces
 * codes. Keycloak refuses a code used before (otpPolicyCodeReusable=false) and accepts the steps
 * one before and one after the current one (look-around window 1), so a test has three unused
 * codes at any moment without waiting for the clock: the current step first, then the next,
 * then the previous one.
 */
public final class TotpDevice {

    private String secret;
    private final java.util.Set<Long> used = new java.util.HashSet<>();
    private int wrongAnswers;

    /** The next OTP form gets a wrong code first (the form must refuse it and ask again). */
    public void answerWrongOnce() {
        wrongAnswers = 1;
    }

    /** What to type into the OTP form: a wrong code when asked to, else the next valid one. */
    public synchronized String answer() {
        if (wrongAnswers > 0) {
            wrongAnswers--;
            String right = Totp.code(secret, Instant.now());
            return right.equals("000000") ? "111111" : "000000";
        }
        return nextCode();
    }

    public void learn(String secret) {
        this.secret = secret;
    }

    public boolean enrolled() {
        return secret != null;
    }

    public String secret() {
        return secret;
    }

    public synchronized String nextCode() {
        long now = Instant.now().getEpochSecond() / 30;
        for (long step : new long[] {now, now + 1, now - 1}) {
            if (used.add(step)) {
                return Totp.code(secret, Instant.ofEpochSecond(step * 30));
            }
        }
        throw new IllegalStateException("no unused TOTP code left in the accepted window");
    }
}
