package io.coditect.it.support;

import java.time.Instant;

/**
 * The test's authenticator app: learns the secret on Keycloak's TOTP setup page and produces
 * codes. Keycloak refuses a code used before (otpPolicyCodeReusable=false) and accepts one time
 * step ahead (look-ahead window 1), so each code is taken from a later step than the last one:
 * no test waits for the clock.
 */
public final class TotpDevice {

    private String secret;
    private long lastStep = Long.MIN_VALUE;
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
        long step = Math.max(now, lastStep + 1);
        if (step > now + 1) {
            throw new IllegalStateException("no unused TOTP code left in the accepted window");
        }
        lastStep = step;
        return Totp.code(secret, Instant.ofEpochSecond(step * 30));
    }
}
