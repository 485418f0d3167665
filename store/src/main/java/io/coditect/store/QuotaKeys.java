package io.coditect.store;

/** Argument checks shared by the quota counters, so both refuse the same input. */
final class QuotaKeys {

    static void requireKey(String key) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("quota key is required");
        }
    }

    private QuotaKeys() {
    }
}
