package io.coditect.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** Today's command quota. {@code limit == null} means unlimited (PRO, ENTERPRISE). */
public record QuotaStatus(boolean allowed, Long limit, Long used, Long remaining, Instant resetAt) {

    public static QuotaStatus from(JsonNode body) {
        return new QuotaStatus(
                body.path("allowed").asBoolean(true),
                Json.longValue(body, "limit"),
                Json.longValue(body, "used"),
                Json.longValue(body, "remaining"),
                Json.instant(body, "reset_at"));
    }

    /** Commands used today: the server's figure, else derived from limit and remaining. */
    public Long usedToday() {
        if (used != null) {
            return used;
        }
        return limit == null || remaining == null ? null : limit - remaining;
    }

    public boolean isUnlimited() {
        return limit == null;
    }
}
