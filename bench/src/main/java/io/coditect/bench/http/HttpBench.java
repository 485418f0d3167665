package io.coditect.bench.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The server benchmarks: each of our endpoints against a Keycloak endpoint on the same server in
 * the same run, reported as ratios (BENCHMARKS.md). Run by bench/run-bench.sh; by hand:
 * <pre>
 * java -cp bench/target/benchmarks.jar io.coditect.bench.http.HttpBench --server=http://localhost:8180 \
 *      [--workers=8] [--warmup=30] [--round=10] [--rounds=9] [--only=heartbeat,quota,mapper] [--out=FILE]
 * </pre>
 * It creates its own clients, tenants, licenses and users (names prefixed {@code bench-}); the
 * quota run raises the FREE daily quota through the policy API and restores the policy after.
 */
public final class HttpBench {

    private HttpBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        String server = options.getOrDefault("server", "http://localhost:8180");
        int workers = Integer.parseInt(options.getOrDefault("workers", "8"));
        Comparison.Settings settings = new Comparison.Settings(workers,
                1000L * Integer.parseInt(options.getOrDefault("warmup", "30")),
                1000L * Integer.parseInt(options.getOrDefault("round", "10")),
                Integer.parseInt(options.getOrDefault("rounds", "9")));
        List<String> only = List.of(options.getOrDefault("only", "heartbeat,quota,mapper").split(","));
        PrintStream log = System.out;

        Http http = new Http();
        Admin admin = new Admin(http, server);
        log.printf("Setting up %d PRO users (one seat each) and %d FREE users on %s%n", workers, workers, server);
        Fixture fixture = Fixture.create(http, admin, server, workers);
        Runnable renew = () -> fixture.renewTokens(http);
        List<UserSession> paidSessions = fixture.paidUsers.stream().map(Fixture.PaidUser::withMapper).toList();

        StringBuilder report = new StringBuilder(String.format("Run at %s against %s: %d workers, warm-up %d s per "
                        + "endpoint, %d rounds of %d s per endpoint.%n%n", Instant.now(), server, workers,
                settings.warmUpMillis() / 1000, settings.rounds(), settings.roundMillis() / 1000));

        if (only.contains("heartbeat")) {
            Endpoint heartbeat = Endpoint.heartbeat(server, fixture.paidUsers);
            Endpoint userinfo = Endpoint.userinfo(server, paidSessions);
            probe(http, log, heartbeat, userinfo);
            report.append(new Comparison("Heartbeat vs userinfo (PRO users, Redis store)", heartbeat, userinfo, 1.0, renew)
                    .run(http.client(), settings, log).markdown());
        }
        if (only.contains("quota")) {
            JsonNode saved = admin.policy();
            admin.putPolicy(Map.of("tiers", Map.of("FREE", Map.of("daily_command_quota", 100_000_000))));
            try {
                Endpoint quota = Endpoint.quota(server, fixture.freeUsers);
                Endpoint userinfo = Endpoint.userinfo(server, fixture.freeUsers);
                probe(http, log, quota, userinfo);
                report.append(new Comparison("Quota consume vs userinfo (FREE users, quota 100000000/day, Redis store)",
                        quota, userinfo, 1.0, renew).run(http.client(), settings, log).markdown());
            } finally {
                admin.putPolicy(saved);
                log.println("Tier policy restored.");
            }
        }
        if (only.contains("mapper")) {
            Endpoint with = Endpoint.refreshGrant("with-coditect", paidSessions);
            Endpoint without = Endpoint.refreshGrant("without-coditect",
                    fixture.paidUsers.stream().map(Fixture.PaidUser::withoutMapper).toList());
            probe(http, log, with, without);
            report.append(new Comparison("Refresh-token grant with vs without the coditect claims mapper (PRO users)",
                    with, without, 0.95, renew).run(http.client(), settings, log).markdown());
        }

        log.println();
        log.println(report);
        String out = options.get("out");
        if (out != null) {
            Files.writeString(Path.of(out), report);
            log.println("Written to " + out);
        }
    }

    /** One request of each endpoint before measuring: a setup mistake fails here, not as a table of errors. */
    private static void probe(Http http, PrintStream log, Endpoint... endpoints) {
        for (Endpoint e : endpoints) {
            Http.Reply r = http.send(e.request().apply(0));
            if (r.status() / 100 != 2) {
                throw new IllegalStateException("probe of " + e.name() + " failed: HTTP " + r.status() + " " + r.body());
            }
            String body = r.body().length() > 240 ? r.body().substring(0, 240) + "..." : r.body();
            log.printf("probe %s: HTTP %d %s%n", e.name(), r.status(), body);
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("options look like --name=value, got " + arg);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        return options;
    }
}
