package io.coditect.store;

import java.util.List;

/** Typed reads of Lua script replies, as jedis decodes them: lists, Longs, Strings and nulls. */
final class ScriptReply {

    static List<?> list(Object reply) {
        if (reply instanceof List<?> list) {
            return list;
        }
        throw new IllegalStateException("unexpected script reply: " + (reply == null ? "nil" : reply.getClass().getSimpleName()));
    }

    static long number(Object reply) {
        if (reply instanceof Long value) {
            return value;
        }
        throw new IllegalStateException("expected an integer in the script reply");
    }

    private ScriptReply() {
    }
}
