package io.coditect.store;

/** The namespace in front of every Redis key this module writes. */
final class KeyPrefix {

    static final String DEFAULT = "coditect:";

    /**
     * A brace in the prefix would become the Redis Cluster hash tag of every key, piling all
     * licenses onto one slot, so braces are refused.
     */
    static String check(String prefix) {
        if (prefix == null) {
            throw new IllegalArgumentException("key prefix must not be null (use \"\" for none)");
        }
        if (prefix.indexOf('{') >= 0 || prefix.indexOf('}') >= 0) {
            throw new IllegalArgumentException("key prefix must not contain '{' or '}'");
        }
        return prefix;
    }

    private KeyPrefix() {
    }
}
