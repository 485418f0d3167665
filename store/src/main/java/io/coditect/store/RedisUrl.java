package io.coditect.store;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import redis.clients.jedis.HostAndPort;

/**
 * A parsed Redis connection URL:
 * <ul>
 *   <li>{@code redis://[[user]:password@]host[:port][/db]}, {@code rediss://} for TLS: one server;</li>
 *   <li>{@code redis-sentinel://[[user]:password@]host[:port],host[:port]/masterName[/db]}: Sentinel
 *       (default port 26379); the credentials are the master's, sentinels are contacted without;</li>
 *   <li>{@code redis-cluster://[[user]:password@]host[:port],host[:port]}: Cluster seed nodes.</li>
 * </ul>
 * {@code rediss-sentinel://} and {@code rediss-cluster://} use TLS. A user-info without a colon
 * is a password. User and password are percent-decoded, and may contain any character: the
 * user-info ends at the last {@code @}.
 *
 * <p>{@link #toString()}, {@link #redact} and every error message mask the password.
 */
record RedisUrl(
        Topology topology,
        List<HostAndPort> nodes,
        String user,
        String password,
        int database,
        boolean tls,
        String masterName) {

    enum Topology { STANDALONE, SENTINEL, CLUSTER }

    private static final int REDIS_PORT = 6379;
    private static final int SENTINEL_PORT = 26379;

    RedisUrl {
        nodes = List.copyOf(nodes);
    }

    static RedisUrl parse(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("Redis URL is required");
        }
        int schemeEnd = url.indexOf("://");
        if (schemeEnd < 0) {
            throw invalid(url, "expected <scheme>://...");
        }
        String scheme = url.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        boolean tls;
        Topology topology;
        switch (scheme) {
            case "redis" -> { tls = false; topology = Topology.STANDALONE; }
            case "rediss" -> { tls = true; topology = Topology.STANDALONE; }
            case "redis-sentinel" -> { tls = false; topology = Topology.SENTINEL; }
            case "rediss-sentinel" -> { tls = true; topology = Topology.SENTINEL; }
            case "redis-cluster" -> { tls = false; topology = Topology.CLUSTER; }
            case "rediss-cluster" -> { tls = true; topology = Topology.CLUSTER; }
            default -> throw invalid(url, "unknown scheme '" + scheme
                    + "' (redis, rediss, redis-sentinel, rediss-sentinel, redis-cluster, rediss-cluster)");
        }

        String rest = url.substring(schemeEnd + 3);
        int at = rest.lastIndexOf('@');
        String user = null;
        String password = null;
        if (at >= 0) {
            String userInfo = rest.substring(0, at);
            int colon = userInfo.indexOf(':');
            if (colon < 0) {
                password = decode(url, userInfo);
            } else {
                user = decode(url, userInfo.substring(0, colon));
                password = decode(url, userInfo.substring(colon + 1));
            }
            user = emptyToNull(user);
            password = emptyToNull(password);
        }
        String location = rest.substring(at + 1);
        if (location.indexOf('?') >= 0 || location.indexOf('#') >= 0) {
            throw invalid(url, "query parameters and fragments are not supported");
        }
        int slash = location.indexOf('/');
        String hostList = slash < 0 ? location : location.substring(0, slash);
        List<String> path = pathSegments(slash < 0 ? "" : location.substring(slash + 1));

        List<HostAndPort> nodes = new ArrayList<>();
        for (String node : hostList.split(",", -1)) {
            nodes.add(hostAndPort(url, node.trim(), topology == Topology.SENTINEL ? SENTINEL_PORT : REDIS_PORT));
        }

        int database = 0;
        String masterName = null;
        switch (topology) {
            case STANDALONE -> {
                if (nodes.size() != 1) {
                    throw invalid(url, "a redis:// URL names one server; use redis-sentinel:// or redis-cluster:// for several");
                }
                if (path.size() > 1) {
                    throw invalid(url, "expected at most /<db> after the host");
                }
                database = path.isEmpty() ? 0 : database(url, path.get(0));
            }
            case SENTINEL -> {
                if (path.isEmpty() || path.size() > 2) {
                    throw invalid(url, "expected /<masterName>[/<db>] after the sentinels");
                }
                masterName = path.get(0);
                database = path.size() == 2 ? database(url, path.get(1)) : 0;
            }
            case CLUSTER -> {
                if (path.size() > 1 || (path.size() == 1 && database(url, path.get(0)) != 0)) {
                    throw invalid(url, "Redis Cluster has only database 0");
                }
            }
        }
        return new RedisUrl(topology, nodes, user, password, database, tls, masterName);
    }

    /** The URL with its user-info replaced by {@code ***}, safe to log. */
    static String redact(String url) {
        if (url == null) {
            return null;
        }
        int schemeEnd = url.indexOf("://");
        int at = url.lastIndexOf('@');
        if (schemeEnd < 0 || at < schemeEnd) {
            return url;
        }
        return url.substring(0, schemeEnd + 3) + "***@" + url.substring(at + 1);
    }

    @Override
    public String toString() {
        return "RedisUrl[topology=" + topology + ", nodes=" + nodes + ", user=" + user
                + ", password=" + (password == null ? "none" : "***") + ", database=" + database
                + ", tls=" + tls + ", masterName=" + masterName + "]";
    }

    private static List<String> pathSegments(String path) {
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty()) {
                segments.add(segment);
            }
        }
        return segments;
    }

    private static HostAndPort hostAndPort(String url, String node, int defaultPort) {
        String host;
        String port = null;
        if (node.startsWith("[")) {
            int close = node.indexOf(']');
            if (close < 0) {
                throw invalid(url, "unclosed '[' in an IPv6 address");
            }
            host = node.substring(1, close);
            String after = node.substring(close + 1);
            if (!after.isEmpty()) {
                if (!after.startsWith(":")) {
                    throw invalid(url, "expected :<port> after ']'");
                }
                port = after.substring(1);
            }
        } else {
            int colon = node.lastIndexOf(':');
            host = colon < 0 ? node : node.substring(0, colon);
            port = colon < 0 ? null : node.substring(colon + 1);
        }
        if (host.isEmpty()) {
            throw invalid(url, "a host is missing");
        }
        return new HostAndPort(host, port == null ? defaultPort : port(url, port));
    }

    private static int port(String url, String text) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below, with the URL
        }
        throw invalid(url, "invalid port '" + text + "'");
    }

    private static int database(String url, String text) {
        try {
            int database = Integer.parseInt(text);
            if (database >= 0) {
                return database;
            }
        } catch (NumberFormatException ignored) {
            // reported below, with the URL
        }
        throw invalid(url, "invalid database '" + text + "'");
    }

    private static String decode(String url, String text) {
        try {
            // '+' is a literal plus in a URL's user-info, not a space as in a form.
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // The decoder's own message quotes the text, which may be the password: drop it.
            throw invalid(url, "invalid percent-encoding in the user-info");
        }
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    private static IllegalArgumentException invalid(String url, String reason) {
        return new IllegalArgumentException("Invalid Redis URL " + redact(url) + ": " + reason);
    }
}
