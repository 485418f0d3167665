package io.coditect.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** 429 {@code quota_exceeded}: no more commands today; {@link #resetAt()} says when that changes. */
public class QuotaExceededException extends ApiErrorException {

    private final Long limit;
    private final Instant resetAt;

    public QuotaExceededException(ApiErrorException cause) {
        super(cause.status(), cause.code(), cause.getMessage(), cause.body());
        JsonNode body = cause.body();
        this.limit = Json.longValue(body, "limit");
        this.resetAt = Json.instant(body, "reset_at");
    }

    public Long limit() {
        return limit;
    }

    public Instant resetAt() {
        return resetAt;
    }
}
