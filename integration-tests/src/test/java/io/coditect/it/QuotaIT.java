package io.coditect.it;

import static io.coditect.it.LicenseAdminIT.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.coditect.it.support.CoditectStack;
import io.coditect.it.support.Http;
import io.coditect.it.support.KeycloakAdmin;
import io.coditect.it.support.Tokens;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.RedisClient;

/** The daily command quota on the real server with the real Redis. */
@ExtendWith(CoditectStack.Extension.class)
class QuotaIT {

    private static final String MESSAGE =
            "Daily quota exceeded (10 commands/day). Upgrade to Pro for unlimited commands.";

    private final CoditectStack stack = CoditectStack.get();
    private final KeycloakAdmin admin = stack.admin();
    private final Tokens tokens = new Tokens(stack);

    @Test
    void freeUserGetsTenCommandsThenA429UntilUtcMidnight() {
        User u = user("FREE");
        for (int i = 1; i <= 10; i++) {
            Http.Reply r = consume(u.token);
            assertThat(r.status()).as("call %d: %s", i, r).isEqualTo(200);
            assertThat(r.json().get("allowed").asBoolean()).isTrue();
            assertThat(r.json().get("limit").asInt()).isEqualTo(10);
            assertThat(r.json().get("remaining").asInt()).isEqualTo(10 - i);
            assertThat(r.header("RateLimit-Policy")).isEqualTo("\"daily\";q=10;w=86400");
            assertThat(r.header("RateLimit")).startsWith("\"daily\";r=" + (10 - i) + ";t=");
        }
        Http.Reply refused = consume(u.token);
        assertError(refused, 429, "quota_exceeded");
        assertThat(refused.json().get("error_description").asText()).isEqualTo(MESSAGE);
        assertThat(refused.json().get("limit").asInt()).isEqualTo(10);
        Instant midnight = LocalDate.now(ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        assertThat(refused.json().get("reset_at").asText()).isEqualTo(midnight.toString());
        long expected = Duration.between(Instant.now(), midnight).getSeconds();
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(expected - 2, expected + 2);
        assertThat(refused.header("RateLimit")).startsWith("\"daily\";r=0;t=");

        JsonNode usage = Http.get(stack.realmUrl() + "/quota/commands", u.token).json();
        assertThat(usage.get("used").asInt()).as("refused calls are not counted").isEqualTo(10);
        assertThat(usage.get("remaining").asInt()).isZero();
        assertThat(usage.get("allowed").asBoolean()).isFalse();
    }

    @Test
    void fortyConcurrentCallsAdmitExactlyTenAndTheKeyExpires() throws Exception {
        User u = user("FREE");
        ExecutorService pool = Executors.newFixedThreadPool(40);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Http.Reply>> replies = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            replies.add(pool.submit(() -> {
                go.await();
                return consume(u.token);
            }));
        }
        go.countDown();
        int ok = 0;
        int limited = 0;
        for (Future<Http.Reply> f : replies) {
            int status = f.get().status();
            if (status == 200) {
                ok++;
            } else if (status == 429) {
                limited++;
            }
        }
        pool.shutdown();
        assertThat(ok).isEqualTo(10);
        assertThat(limited).isEqualTo(30);
        try (RedisClient redis = RedisClient.create("127.0.0.1", stack.redis().port())) {
            List<String> keys = new ArrayList<>(redis.keys("*" + u.userId + "*"));
            assertThat(keys).hasSize(1);
            assertThat(redis.get(keys.get(0))).isEqualTo("10");
            long ttl = redis.ttl(keys.get(0));
            assertThat(ttl).isPositive().isLessThanOrEqualTo(86_400);
        }
    }

    @Test
    void proUserIsUnlimitedAndWritesNoCounter() {
        User u = user("PRO");
        for (int i = 0; i < 100; i++) {
            Http.Reply r = consume(u.token);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.json().get("limit").isNull()).isTrue();
            assertThat(r.header("RateLimit")).isNull();
        }
        try (RedisClient redis = RedisClient.create("127.0.0.1", stack.redis().port())) {
            assertThat(redis.keys("*" + u.userId + "*")).isEmpty();
        }
    }

    @Test
    void raisingTheLimitThroughThePolicyAdmitsMoreAtOnce() {
        JsonNode before = admin.get("/licenses/policy").json();
        try {
            User u = user("FREE");
            for (int i = 0; i < 10; i++) {
                consume(u.token);
            }
            assertThat(consume(u.token).status()).isEqualTo(429);
            admin.setPolicy(Map.of("tiers", Map.of("FREE", Map.of("daily_command_quota", 12))));
            Http.Reply eleventh = consume(u.token);
            assertThat(eleventh.status()).isEqualTo(200);
            assertThat(eleventh.header("RateLimit-Policy")).isEqualTo("\"daily\";q=12;w=86400");
            assertThat(consume(u.token).status()).isEqualTo(200);
            assertThat(consume(u.token).status()).isEqualTo(429);
        } finally {
            admin.setPolicy(before);
        }
    }

    @Test
    void redisDownFailsClosedForFreeAndOpenForPaidThenCountingResumes() {
        JsonNode before = admin.get("/licenses/policy").json();
        try {
            // Give PRO a finite quota so that its calls touch Redis too.
            admin.setPolicy(Map.of("tiers", Map.of("PRO", Map.of("daily_command_quota", 1000))));
            User free = user("FREE");
            User pro = user("PRO");
            assertThat(consume(free.token).status()).isEqualTo(200);
            stack.redis().stop();
            try {
                Http.Reply down = consume(free.token);
                assertError(down, 503, "store_unavailable");
                assertThat(down.header("Retry-After")).isNotBlank();
                Http.Reply open = consume(pro.token);
                assertThat(open.status()).as("%s", open).isEqualTo(200);
                assertThat(open.json().get("degraded").asBoolean()).isTrue();
            } finally {
                stack.redis().start();
            }
            Http.Reply back = consume(free.token);
            assertThat(back.status()).isEqualTo(200);
            assertThat(back.json().get("remaining").asInt()).isEqualTo(8);
        } finally {
            admin.setPolicy(before);
        }
    }

    @Test
    void badInputIsRefusedWithTheDocumentedErrors() {
        User u = user("FREE");
        assertError(Http.postJson(stack.realmUrl() + "/quota/commands", null, Map.of()), 401, "invalid_token");
        assertError(Http.postJson(stack.realmUrl() + "/quota/commands", "x.y.z", Map.of()), 401, "invalid_token");
        assertError(Http.postJson(stack.realmUrl() + "/quota/commands", u.token, "{nope"), 400, "invalid_request");
        assertError(Http.postJson(stack.realmUrl() + "/quota/commands", u.token, Map.of("command", 7)), 400,
                "invalid_request");
        assertError(Http.postJson(stack.realmUrl() + "/quota/commands", u.token, Map.of("command", "x".repeat(300))),
                400, "invalid_request");
        assertError(Http.postJson(stack.realmUrl() + "/quota/commands", u.token, "x".repeat(40_000)), 400,
                "invalid_request");
        assertThat(Http.get(stack.realmUrl() + "/quota/commands", u.token).json().get("used").asInt())
                .as("bad requests are not counted").isZero();
        assertThat(admin.put("/users/" + u.userId, Map.of("emailVerified", false)).status()).isEqualTo(204);
        assertError(consume(u.token), 403, "email_not_verified");
    }

    @Test
    void adminsCanReadAUsersUsageToday() {
        User u = user("FREE");
        consume(u.token);
        consume(u.token);
        Http.Reply r = Http.get(stack.baseUrl() + "/admin/realms/coditect/quota/users/" + u.userId, admin.token());
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        assertThat(r.json().get("tier").asText()).isEqualTo("FREE");
        assertThat(r.json().get("used").asInt()).isEqualTo(2);
        assertThat(r.json().get("remaining").asInt()).isEqualTo(8);
        assertError(Http.get(stack.baseUrl() + "/admin/realms/coditect/quota/users/nope", admin.token()), 404,
                "user_not_found");
        assertThat(Http.get(stack.baseUrl() + "/admin/realms/coditect/quota/users/" + u.userId, u.token).status())
                .isEqualTo(403);
    }

    @Test
    void quotaAuthenticatorRefusesTokensOnceTheQuotaIsSpent() {
        // A commands client whose direct-grant flow ends with the coditect-quota authenticator.
        String flowAlias = "commands-direct-grant-" + ClaimsIT.suffix();
        KeycloakAdmin.expect(admin.post("/authentication/flows", Map.of("alias", flowAlias, "providerId",
                "basic-flow", "topLevel", true, "builtIn", false)), 201);
        for (String provider : List.of("direct-grant-validate-username", "direct-grant-validate-password",
                "coditect-quota")) {
            KeycloakAdmin.expect(admin.post("/authentication/flows/" + flowAlias + "/executions/execution",
                    Map.of("provider", provider)), 201);
        }
        for (JsonNode execution : admin.get("/authentication/flows/" + flowAlias + "/executions").json()) {
            Map<String, Object> update = Http.JSON.convertValue(execution, Map.class);
            update.put("requirement", "REQUIRED");
            KeycloakAdmin.expect(admin.put("/authentication/flows/" + flowAlias + "/executions", update), 204);
        }
        String flowId = null;
        for (JsonNode flow : admin.get("/authentication/flows").json()) {
            if (flow.get("alias").asText().equals(flowAlias)) {
                flowId = flow.get("id").asText();
            }
        }
        String clientId = "commands-" + ClaimsIT.suffix();
        KeycloakAdmin.expect(admin.post("/clients", Map.of("clientId", clientId, "publicClient", false, "secret", "s",
                "directAccessGrantsEnabled", true, "standardFlowEnabled", false,
                "authenticationFlowBindingOverrides", Map.of("direct_grant", flowId))), 201);

        User u = user("FREE");
        Map<String, String> grant = Map.of("grant_type", "password", "client_id", clientId, "client_secret", "s",
                "username", u.username, "password", "pw");
        assertThat(Http.postForm(tokens.tokenUrl(), grant).status()).isEqualTo(200);
        for (int i = 0; i < 10; i++) {
            consume(u.token);
        }
        Http.Reply refused = Http.postForm(tokens.tokenUrl(), grant);
        assertError(refused, 429, "quota_exceeded");
        assertThat(refused.header("Retry-After")).isNotBlank();
    }

    private Http.Reply consume(String token) {
        return Http.postJson(stack.realmUrl() + "/quota/commands", token, Map.of("command", "build"));
    }

    private User user(String tier) {
        KeycloakAdmin.TenantUser u = admin.tenantUser("quota", tier, 1);
        return new User(u.username(), u.userId(), tokens.password(u.username(), "pw").accessToken());
    }

    record User(String username, String userId, String token) {
    }
}
