package io.coditect.keycloak.quota;

import java.time.Instant;

/**
 * The answer to "may this user run a command now?". {@code limit} null means unlimited (then
 * {@code remaining} is null too and nothing was counted).
 */
public record QuotaDecision(boolean allowed, Long limit, Long used, Long remaining, QuotaWindow window,
        Instant now) {

    public static QuotaDecision unlimited(QuotaWindow window, Instant now) {
        return new QuotaDecision(true, null, null, null, window, now);
    }

    public static QuotaDecision counted(boolean allowed, long limit, long used, QuotaWindow window, Instant now) {
        return new QuotaDecision(allowed, limit, used, Math.max(0, limit - used), window, now);
    }

    public boolean unlimited() {
        return limit == null;
    }

    public long secondsToReset() {
        return window.secondsLeft(now);
    }

    /** IETF RateLimit-Policy header (draft-ietf-httpapi-ratelimit-headers): quota and window. */
    public String rateLimitPolicy() {
        return "\"daily\";q=" + limit + ";w=" + window.lengthSeconds();
    }

    /** IETF RateLimit header: what is left and in how many seconds the window resets. */
    public String rateLimit() {
        return "\"daily\";r=" + remaining + ";t=" + secondsToReset();
    }
}
