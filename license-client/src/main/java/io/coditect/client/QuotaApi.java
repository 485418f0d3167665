package io.coditect.client;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The realm's {@code /quota/commands} resource. */
public final class QuotaApi {

    private final BearerClient http;

    public QuotaApi(BearerClient http) {
        this.http = http;
    }

    /**
     * Uses one command from today's quota.
     *
     * @throws QuotaExceededException when none is left
     */
    public QuotaStatus consume(String command) {
        ObjectNode body = Json.object();
        if (command != null) {
            body.put("command", command);
        }
        try {
            return QuotaStatus.from(http.callForJson("POST", "/quota/commands", body));
        } catch (ApiErrorException e) {
            if (e.status() == 429 || "quota_exceeded".equals(e.code())) {
                throw new QuotaExceededException(e);
            }
            throw e;
        }
    }

    /** Today's usage, without using any. */
    public QuotaStatus usage() {
        return QuotaStatus.from(http.callForJson("GET", "/quota/commands", null));
    }
}
