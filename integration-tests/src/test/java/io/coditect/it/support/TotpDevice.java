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

    private java.util.List<String> recoveryCodes = java.util.List.of();
    private String recoveryExecutionId;
    private String lastRecoveryCode;
    private boolean reuseRecoveryCode;

    /** Keeps the recovery codes Keycloak showed once on its setup page. */
    public void learnRecoveryCodes(java.util.List<String> codes) {
        this.recoveryCodes = java.util.List.copyOf(codes);
    }

    public java.util.List<String> recoveryCodes() {
        return recoveryCodes;
    }

    /**
     * The next logins choose "try another way" on the OTP page and the recovery code form (the
     * flow execution with this id) instead of a TOTP code; {@code reuseLast} answers once with the
     * code used last time instead of the one asked for.
     */
    public void useRecoveryCode(String executionId, boolean reuseLast) {
        this.recoveryExecutionId = executionId;
        this.reuseRecoveryCode = reuseLast;
    }

    public String recoveryExecutionId() {
        return recoveryExecutionId;
    }

    /** The answer to "Recovery code #n". */
    public String recoveryAnswer(int number) {
        if (reuseRecoveryCode && lastRecoveryCode != null) {
            reuseRecoveryCode = false; // once: then the right code, so the login can finish
            return lastRecoveryCode;
        }
        lastRecoveryCode = recoveryCodes.get(number - 1);
        return lastRecoveryCode;
    }

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
