package io.coditect.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * One Lua script from the classpath, run by its SHA1 so the body crosses the network only
 * when a server has not cached it yet (first use, restart, failover, a new cluster node).
 */
final class LuaScript {

    private final String name;
    private final String source;
    private final String sha1;

    private LuaScript(String name, String source) {
        this.name = name;
        this.source = source;
        this.sha1 = sha1Hex(source);
    }

    /** Loads the resources next to this class and joins them, in order, into one script. */
    static LuaScript load(String name, String... resources) {
        StringBuilder source = new StringBuilder();
        for (String resource : resources) {
            source.append(read(resource)).append('\n');
        }
        return new LuaScript(name, source.toString());
    }

    /** @throws StoreUnavailableException when Redis cannot run it (down, timeout, pool exhausted, error reply) */
    Object run(UnifiedJedis redis, List<String> keys, List<String> args) {
        try {
            try {
                return redis.evalsha(sha1, keys, args);
            } catch (JedisNoScriptException notCached) {
                // EVAL runs it and caches it on that server, so the next call is an EVALSHA again.
                return redis.eval(source, keys, args);
            }
        } catch (JedisException e) {
            throw RedisOutage.of(name, e);
        }
    }

    private static String read(String resource) {
        try (InputStream in = LuaScript.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Lua script not on the classpath: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Lua script " + resource, e);
        }
    }

    private static String sha1Hex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every JVM", e);
        }
    }
}
