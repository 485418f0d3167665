package io.coditect.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** Today's command quota. {@code limit == null} means unlimited (PRO, ENTERPRISE). */
public record QuotaStatus(boolean allowed, Long limit, Long remaining, Instant resetAt) {

    public static QuotaStatus from(JsonNode body) {
        return new QuotaStatus(
                body.path("allowed").asBoolean(true),
                Json.longValue(body, "limit"),
                Json.longValue(body, "remaining"),
                Json.instant(body, "reset_at"));
    }

    public boolean isUnlimited() {
        return limit == null;
    }
}
