package io.coditect.it;

import static io.coditect.it.LicenseAdminIT.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import io.coditect.it.support.CoditectStack;
import io.coditect.it.support.Http;
import io.coditect.it.support.KeycloakAdmin;
import io.coditect.it.support.Tokens;
import io.coditect.it.support.Tokens.TokenSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Seats, heartbeats, leases, reconnect and revocation on the real server with the Redis store. */
@ExtendWith(CoditectStack.Extension.class)
class SeatsIT {

    private final CoditectStack stack = CoditectStack.get();
    private final KeycloakAdmin admin = stack.admin();
    private final Tokens tokens = new Tokens(stack);

    @Test
    void acquireHeartbeatReleaseRoundTrip() {
        for (String tier : List.of("PRO", "ENTERPRISE")) {
            Member m = member(tier, 2);
            Http.Reply acquired = licenses("acquire", m.token.accessToken(),
                    Map.of("device_id", "laptop-1", "device_name", "Laptop", "client_version", "1.2.3"));
            assertThat(acquired.status()).as("%s", acquired).isEqualTo(200);
            JsonNode a = acquired.json();
            assertThat(a.get("mode").asText()).isEqualTo("online");
            assertThat(a.get("tier").asText()).isEqualTo(tier);
            assertThat(a.get("heartbeat_interval").asInt()).isEqualTo(300);
            assertThat(a.get("grace_period_days").asInt()).isEqualTo(7);
            assertThat(a.at("/seats/used").asInt()).isEqualTo(1);
            assertThat(a.at("/seats/max").asInt()).isEqualTo(2);
            Instant serverTime = Instant.parse(a.get("server_time").asText());
            assertThat(Instant.parse(a.get("lease_expires_at").asText())).isEqualTo(serverTime.plus(Duration.ofDays(7)));
            String seat = a.get("session_id").asText();

            Http.Reply again = licenses("acquire", m.token.accessToken(), Map.of("device_id", "laptop-1"));
            assertThat(again.json().get("session_id").asText()).as("same device, same seat").isEqualTo(seat);
            assertThat(again.json().at("/seats/used").asInt()).isEqualTo(1);

            Http.Reply hb = licenses("heartbeat", m.token.accessToken(), Map.of("session_id", seat));
            assertThat(hb.status()).as("%s", hb).isEqualTo(200);
            assertThat(hb.json().get("status").asText()).isEqualTo("ok");
            assertThat(hb.json().get("next_heartbeat_in").asInt()).isEqualTo(300);
            assertThat(hb.json().get("lease").asText()).isNotEqualTo(a.get("lease").asText());

            JsonNode sessions = Http.get(stack.realmUrl() + "/licenses/sessions", m.token.accessToken()).json();
            assertThat(sessions.get("sessions")).hasSize(1);
            assertThat(sessions.at("/sessions/0/device_name").asText()).isEqualTo("Laptop");
            assertThat(sessions.at("/sessions/0/current").asBoolean()).isTrue();

            assertThat(licenses("release", m.token.accessToken(), Map.of("session_id", seat)).status()).isEqualTo(204);
            assertError(licenses("heartbeat", m.token.accessToken(), Map.of("session_id", seat)), 404,
                    "session_not_found");
        }
    }

    @Test
    void freeTierWorksOfflineWithoutASeat() {
        Member m = member("FREE", 1);
        Http.Reply r = licenses("acquire", m.token.accessToken(), Map.of("device_id", "d1"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("mode").asText()).isEqualTo("offline");
        assertThat(r.json().get("tier").asText()).isEqualTo("FREE");
        assertThat(r.json().get("grace_period_days").asInt()).isZero();
        assertThat(r.json().has("session_id")).isFalse();
    }

    @Test
    void fiftyConcurrentAcquiresOnThreeSeatsGrantExactlyThree() throws Exception {
        Member m = member("PRO", 3);
        int callers = 50;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Http.Reply>> replies = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            String device = "device-" + i;
            replies.add(pool.submit(() -> {
                go.await();
                return licenses("acquire", m.token.accessToken(), Map.of("device_id", device));
            }));
        }
        go.countDown();
        int granted = 0;
        int refused = 0;
        for (Future<Http.Reply> f : replies) {
            Http.Reply r = f.get();
            if (r.status() == 200) {
                granted++;
            } else {
                assertError(r, 409, "seats_exhausted");
                assertThat(r.json().at("/seats/max").asInt()).isEqualTo(3);
                refused++;
            }
        }
        pool.shutdown();
        assertThat(granted).isEqualTo(3);
        assertThat(refused).isEqualTo(47);
        assertThat(admin.get("/licenses/" + m.licenseId + "/sessions").json().get("sessions")).hasSize(3);
    }

    @Test
    void leaseVerifiesAgainstTheRealmJwksAloneAndFailsWhenAnyPartChanges() throws Exception {
        Member m = member("PRO", 1);
        JsonNode a = licenses("acquire", m.token.accessToken(), Map.of("device_id", "jose-1")).json();
        String lease = a.get("lease").asText();

        JWKSet jwks = JWKSet.parse(Http.get(stack.realmUrl() + "/protocol/openid-connect/certs", null).body());
        JWSObject jws = JWSObject.parse(lease);
        assertThat(jws.getHeader().getType().toString()).isEqualTo("coditect-lease+jwt");
        RSAKey key = (RSAKey) jwks.getKeyByKeyId(jws.getHeader().getKeyID());
        assertThat(jws.verify(new RSASSAVerifier(key))).isTrue();

        JsonNode claims = Http.JSON.readTree(jws.getPayload().toString());
        assertThat(claims.get("iss").asText()).isEqualTo(stack.realmUrl());
        assertThat(claims.get("sub").asText()).isEqualTo(m.userId);
        assertThat(claims.get("tenant_id").asText()).isEqualTo(m.tenantId);
        assertThat(claims.get("license_id").asText()).isEqualTo(m.licenseId);
        assertThat(claims.get("tier").asText()).isEqualTo("PRO");
        assertThat(claims.get("device_id").asText()).isEqualTo("jose-1");
        assertThat(claims.get("sid").asText()).isEqualTo(a.get("session_id").asText());
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(Duration.ofDays(7).toSeconds());
        for (String claim : List.of("aud", "nbf", "jti")) {
            assertThat(claims.has(claim)).as(claim).isTrue();
        }

        // Change one character in each of the three parts: verification must fail (or parsing).
        String[] parts = lease.split("\\.");
        for (int part = 0; part < 3; part++) {
            for (int pos : List.of(0, parts[part].length() / 2, parts[part].length() - 2)) {
                String[] copy = parts.clone();
                char[] chars = copy[part].toCharArray();
                chars[pos] = chars[pos] == 'A' ? 'B' : 'A';
                copy[part] = new String(chars);
                String tampered = String.join(".", copy);
                assertThat(verifies(tampered, jwks)).as("part %d pos %d", part, pos).isFalse();
                assertError(licenses("reconnect", m.token.accessToken(),
                        Map.of("lease", tampered, "device_id", "jose-1")), 400, "invalid_lease");
            }
        }
    }

    @Test
    void reconnectAcceptsOnlyThisUsersLeaseForThisDevice() {
        Member m = member("PRO", 2);
        String lease = licenses("acquire", m.token.accessToken(), Map.of("device_id", "dev-a")).json()
                .get("lease").asText();

        Http.Reply ok = licenses("reconnect", m.token.accessToken(), Map.of("lease", lease, "device_id", "dev-a"));
        assertThat(ok.status()).as("%s", ok).isEqualTo(200);
        assertThat(ok.json().get("mode").asText()).isEqualTo("online");
        assertThat(ok.json().get("offline_seconds").asLong()).isBetween(0L, 60L);

        assertError(licenses("reconnect", m.token.accessToken(), Map.of("lease", lease, "device_id", "dev-b")),
                400, "invalid_lease");
        Member other = member("PRO", 2);
        assertError(licenses("reconnect", other.token.accessToken(), Map.of("lease", lease, "device_id", "dev-a")),
                400, "invalid_lease");
        String[] parts = lease.split("\\.");
        String none = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"alg\":\"none\",\"typ\":\"coditect-lease+jwt\"}".getBytes()) + "." + parts[1] + ".";
        assertError(licenses("reconnect", m.token.accessToken(), Map.of("lease", none, "device_id", "dev-a")),
                400, "invalid_lease");
        assertError(licenses("reconnect", m.token.accessToken(), Map.of("lease", "not-a-jws", "device_id", "dev-a")),
                400, "invalid_lease");
    }

    @Test
    void revokingOneDeviceMakesItsNextHeartbeatSessionRevoked() {
        Member m = member("PRO", 2);
        String seat = seat(m, "to-revoke");
        assertThat(Http.delete(stack.realmUrl() + "/licenses/sessions/" + seat, m.token.accessToken()).status())
                .isEqualTo(204);
        assertError(licenses("heartbeat", m.token.accessToken(), Map.of("session_id", seat)), 403, "session_revoked");
    }

    @Test
    void adminRevocationOfASeatMakesItsNextHeartbeatSessionRevoked() {
        Member m = member("PRO", 2);
        String seat = seat(m, "admin-revoke");
        assertThat(admin.delete("/licenses/" + m.licenseId + "/sessions/" + seat).status()).isEqualTo(204);
        assertError(licenses("heartbeat", m.token.accessToken(), Map.of("session_id", seat)), 403, "session_revoked");
    }

    @Test
    void keycloakSessionRevokedThroughTheAdminApiEndsItsSeat() {
        Member m = member("PRO", 1);
        String seat = seat(m, "kc-admin");
        String sid = m.token.access().get("sid").asText();
        assertThat(admin.delete("/sessions/" + sid).status()).isEqualTo(204);

        // The revoked session's own token is refused outright...
        assertError(licenses("heartbeat", m.token.accessToken(), Map.of("session_id", seat)), 401, "invalid_token");
        // ...and from a new session the old seat is revoked, and its seat is free again.
        TokenSet fresh = tokens.password(m.username, "pw");
        assertError(licenses("heartbeat", fresh.accessToken(), Map.of("session_id", seat)), 403, "session_revoked");
        assertThat(licenses("acquire", fresh.accessToken(), Map.of("device_id", "other")).status()).isEqualTo(200);
    }

    @Test
    void keycloakSessionRevokedThroughTheAccountApiEndsItsSeat() {
        Member m = member("PRO", 1);
        String seat = seat(m, "kc-account");
        String sid = m.token.access().get("sid").asText();
        TokenSet other = tokens.password(m.username, "pw");
        Http.Reply deleted = Http.delete(stack.realmUrl() + "/account/sessions/" + sid, other.accessToken());
        assertThat(deleted.status()).as("%s", deleted).isEqualTo(204);

        assertError(licenses("heartbeat", m.token.accessToken(), Map.of("session_id", seat)), 401, "invalid_token");
        assertError(licenses("heartbeat", other.accessToken(), Map.of("session_id", seat)), 403, "session_revoked");
    }

    @Test
    void usersSeeOnlyTheirOwnSeatsAndOwnersSeeTheWholeLicense() {
        Member a = member("PRO", 5);
        String userB = "peer-" + ClaimsIT.suffix();
        String userBId = admin.createUser(userB, "pw");
        admin.addMember(a.tenantId, userBId);
        TokenSet b = tokens.password(userB, "pw");
        seat(a, "a-laptop");
        String bSeat = licenses("acquire", b.accessToken(), Map.of("device_id", "b-laptop")).json()
                .get("session_id").asText();

        assertThat(Http.get(stack.realmUrl() + "/licenses/sessions", a.token.accessToken()).json().get("sessions"))
                .hasSize(1);
        // A member cannot touch another member's seat: it looks like no such seat.
        assertError(licenses("heartbeat", a.token.accessToken(), Map.of("session_id", bSeat)), 404, "session_not_found");
        assertError(Http.delete(stack.realmUrl() + "/licenses/sessions/" + bSeat, a.token.accessToken()), 404,
                "session_not_found");

        JsonNode org = admin.get("/organizations/" + a.tenantId).json();
        admin.put("/organizations/" + a.tenantId, Map.of("name", org.get("name").asText(), "alias",
                org.get("alias").asText(), "attributes", Map.of("coditect.owners", List.of(a.userId))));
        TokenSet owner = tokens.password(a.username, "pw");
        assertThat(Http.get(stack.realmUrl() + "/licenses/sessions", owner.accessToken()).json().get("sessions"))
                .hasSize(2);
        assertThat(Http.delete(stack.realmUrl() + "/licenses/sessions/" + bSeat, owner.accessToken()).status())
                .isEqualTo(204);

        // Another tenant's owner sees none of it.
        Member stranger = member("PRO", 1);
        assertError(Http.delete(stack.realmUrl() + "/licenses/sessions/" + bSeat, stranger.token.accessToken()), 404,
                "session_not_found");
    }

    @Test
    void licenseStatusStopsTheNextHeartbeat() {
        Member m = member("PRO", 1);
        String seat = seat(m, "status");
        admin.put("/licenses/" + m.licenseId, Map.of("status", "SUSPENDED"));
        assertError(licenses("heartbeat", m.token.accessToken(), Map.of("session_id", seat)), 403, "license_suspended");
        admin.put("/licenses/" + m.licenseId, Map.of("status", "REVOKED"));
        assertError(licenses("heartbeat", m.token.accessToken(), Map.of("session_id", seat)), 403, "license_revoked");
        assertError(licenses("acquire", m.token.accessToken(), Map.of("device_id", "x")), 403, "license_revoked");
        admin.put("/licenses/" + m.licenseId, Map.of("status", "ACTIVE", "expires_at", "2020-01-01T00:00:00Z"));
        assertError(licenses("acquire", m.token.accessToken(), Map.of("device_id", "x")), 403, "license_expired");
    }

    @Test
    void badInputIsRefusedWithTheDocumentedErrors() {
        Member m = member("PRO", 1);
        String at = m.token.accessToken();
        assertError(licenses("acquire", null, Map.of("device_id", "d")), 401, "invalid_token");
        assertError(licenses("acquire", "not.a.token", Map.of("device_id", "d")), 401, "invalid_token");
        assertError(licenses("acquire", admin.token(), Map.of("device_id", "d")), 401, "invalid_token");
        assertError(licenses("acquire", at, Map.of()), 400, "invalid_request");
        assertError(licenses("acquire", at, Map.of("device_id", 42)), 400, "invalid_request");
        assertError(licenses("acquire", at, Map.of("device_id", "x".repeat(200))), 400, "invalid_request");
        assertError(licenses("acquire", at, Map.of("device_id", "bad id with spaces")), 400, "invalid_request");
        assertError(licenses("acquire", at, "{oops"), 400, "invalid_request");
        assertError(licenses("acquire", at, "\"just a string\""), 400, "invalid_request");
        assertError(licenses("acquire", at, Map.of("device_id", "d", "device_name", "n".repeat(20_000))), 400,
                "invalid_request");
        assertError(licenses("heartbeat", at, Map.of("session_id", List.of("a"))), 400, "invalid_request");
        assertError(licenses("heartbeat", at, Map.of("session_id", "no-such-seat")), 404, "session_not_found");
        assertError(licenses("release", at, Map.of("session_id", "no-such-seat")), 404, "session_not_found");
        assertError(licenses("reconnect", at, Map.of("device_id", "d")), 400, "invalid_request");
        assertThat(admin.get("/licenses/" + m.licenseId + "/sessions").json().get("sessions"))
                .as("no seat leaked by bad requests").isEmpty();

        // A user whose address is (no longer) verified is refused, even with a valid token.
        assertThat(admin.put("/users/" + m.userId, Map.of("emailVerified", false)).status()).isEqualTo(204);
        assertError(licenses("acquire", at, Map.of("device_id", "d")), 403, "email_not_verified");
    }

    @Test
    void redisOutageIsA503WithRetryAfterAndServiceResumesWithNothingLost() {
        Member m = member("PRO", 2);
        String seat = seat(m, "outage");
        stack.redis().stop();
        try {
            Http.Reply down = licenses("heartbeat", m.token.accessToken(), Map.of("session_id", seat));
            assertError(down, 503, "store_unavailable");
            assertThat(down.header("Retry-After")).isNotBlank();
            assertError(licenses("acquire", m.token.accessToken(), Map.of("device_id", "during")), 503,
                    "store_unavailable");
        } finally {
            stack.redis().start();
        }
        Http.Reply back = licenses("heartbeat", m.token.accessToken(), Map.of("session_id", seat));
        assertThat(back.status()).as("%s", back).isEqualTo(200);
        assertThat(admin.get("/licenses/" + m.licenseId).json().get("seats").asInt()).isEqualTo(2);
    }

    @Test
    void aSeatWithoutHeartbeatsIsFreedAfterItsTtl() {
        JsonNode before = admin.get("/licenses/policy").json();
        try {
            // 5 s heartbeats: a seat lives 3.5 intervals (17.5 s) without one.
            admin.setPolicy(Map.of("tiers", Map.of("PRO", Map.of("heartbeat_interval", 5))));
            Member m = member("PRO", 1);
            Instant acquiredAt = Instant.now();
            assertThat(licenses("acquire", m.token.accessToken(), Map.of("device_id", "silent")).status()).isEqualTo(200);
            assertError(licenses("acquire", m.token.accessToken(), Map.of("device_id", "next")), 409,
                    "seats_exhausted");
            Http.Reply next;
            do {
                pause(1000);
                next = licenses("acquire", m.token.accessToken(), Map.of("device_id", "next"));
            } while (next.status() == 409 && Duration.between(acquiredAt, Instant.now()).getSeconds() < 60);
            assertThat(next.status()).as("%s", next).isEqualTo(200);
            assertThat(Duration.between(acquiredAt, Instant.now())).isGreaterThanOrEqualTo(Duration.ofSeconds(15));
        } finally {
            admin.setPolicy(before);
        }
    }

    private String seat(Member m, String device) {
        Http.Reply r = licenses("acquire", m.token.accessToken(), Map.of("device_id", device));
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        return r.json().get("session_id").asText();
    }

    private Http.Reply licenses(String action, String token, Object body) {
        return Http.postJson(stack.realmUrl() + "/licenses/" + action, token, body);
    }

    private static boolean verifies(String jws, JWKSet jwks) {
        try {
            JWSObject parsed = JWSObject.parse(jws);
            RSAKey key = (RSAKey) jwks.getKeyByKeyId(parsed.getHeader().getKeyID());
            return key != null && parsed.verify(new RSASSAVerifier(key));
        } catch (Exception e) {
            return false;
        }
    }

    private Member member(String tier, int seats) {
        KeycloakAdmin.TenantUser u = admin.tenantUser("seat", tier, seats);
        return new Member(u.username(), u.userId(), u.tenantId(), u.licenseId(), tokens.password(u.username(), "pw"));
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    record Member(String username, String userId, String tenantId, String licenseId, TokenSet token) {
    }
}
