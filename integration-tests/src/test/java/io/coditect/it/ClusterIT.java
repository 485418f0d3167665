package io.coditect.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.coditect.it.support.FreePort;
import io.coditect.it.support.Concurrently;
import io.coditect.it.support.Http;
import io.coditect.it.support.KeycloakAdmin;
import io.coditect.it.support.KeycloakProcess;
import io.coditect.it.support.PostgresProcess;
import io.coditect.it.support.RedisProcess;
import io.coditect.it.support.Tokens;
import io.coditect.it.support.Tokens.TokenSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two Keycloak nodes in one Infinispan cluster (jdbc-ping discovery), sharing a real PostgreSQL
 * and a real Redis, behind one public URL (node 1's, as a load balancer would give): seat grants
 * and quota counts stay exact when requests hit both nodes, and a license change or a session
 * revocation made on one node holds on the other at once. Also runs our Liquibase changelog on
 * PostgreSQL.
 */
class ClusterIT {

    private static PostgresProcess postgres;
    private static RedisProcess redis;
    private static KeycloakProcess node1;
    private static KeycloakProcess node2;
    private static KeycloakAdmin admin;

    @BeforeAll
    static void startCluster() throws Exception {
        Path work = Path.of(System.getProperty("coditect.it.work")).resolve("cluster");
        Files.createDirectories(work);
        Path distribution = Path.of(System.getProperty("coditect.it.keycloak.home"));
        Path providers = Path.of(System.getProperty("coditect.it.providers"));
        Path realm = Path.of(System.getProperty("coditect.it.realm"));
        postgres = new PostgresProcess(work);
        postgres.start();
        redis = new RedisProcess(work);
        redis.start();
        node1 = KeycloakProcess.copy(distribution, work.resolve("node1/keycloak"), work.resolve("node1"));
        node2 = KeycloakProcess.copy(distribution, work.resolve("node2/keycloak"), work.resolve("node2"));
        node1.install(providers, realm);
        node2.install(providers, realm);
        List<String> shared = List.of("--db=postgres", "--db-url=" + postgres.jdbcUrl(), "--db-username=postgres",
                "--db-password=unused", "--cache=ispn", "--cache-stack=jdbc-ping",
                "--cache-embedded-network-bind-address=127.0.0.1", "--hostname=" + node1.baseUrl(),
                "--spi-coditect-store--redis--url=" + redis.url());
        List<String> first = new ArrayList<>(shared);
        first.addAll(List.of("--import-realm", "--cache-embedded-network-bind-port=" + FreePort.find()));
        node1.startWith(first, Map.of());
        List<String> second = new ArrayList<>(shared);
        second.add("--cache-embedded-network-bind-port=" + FreePort.find());
        node2.startWith(second, Map.of());
        admin = KeycloakAdmin.of(node1.baseUrl());
    }

    @AfterAll
    static void stopCluster() {
        for (AutoCloseable c : new AutoCloseable[] {node2, node1, redis, postgres}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                // keep stopping the others
            }
        }
    }

    @Test
    void bothNodesJoinedOneCluster() throws Exception {
        assertThat(Files.readString(node2.log())).containsPattern("ISPN000094: Received new cluster view.*\\(2\\)");
    }

    @Test
    void seatGrantsAreExactAcrossNodes() throws Exception {
        Fixture f = fixture("PRO", 3);
        List<Integer> statuses = Concurrently.statuses(50, i -> Http.postJson(node(i) + "/realms/coditect/licenses/acquire",
                f.token.accessToken(), Map.of("device_id", "dev-" + i)).status());
        assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(3);
        assertThat(statuses.stream().filter(s -> s == 409).count()).isEqualTo(47);
    }

    @Test
    void quotaCountsAreExactAcrossNodes() throws Exception {
        Fixture f = fixture("FREE", 1);
        List<Integer> statuses = Concurrently.statuses(40, i -> Http.postJson(node(i) + "/realms/coditect/quota/commands",
                f.token.accessToken(), Map.of()).status());
        assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(10);
        assertThat(statuses.stream().filter(s -> s == 429).count()).isEqualTo(30);
    }

    @Test
    void aTierChangeOnOneNodeIsInTheNextTokenFromTheOther() {
        Fixture f = fixture("FREE", 1);
        Tokens viaNode2 = new Tokens(node2.baseUrl(), admin);
        TokenSet t = viaNode2.password(f.username, "pw");
        assertThat(t.access().get("tier").asText()).isEqualTo("FREE");

        assertThat(admin.put("/licenses/" + f.licenseId, Map.of("tier", "PRO")).status()).isEqualTo(200);

        assertThat(viaNode2.refresh(t).access().get("tier").asText()).isEqualTo("PRO");
        // The license row itself is in PostgreSQL, seen by both nodes.
        JsonNode fromNode2 = Http.get(node2.baseUrl() + "/admin/realms/coditect/licenses/" + f.licenseId,
                admin.token()).json();
        assertThat(fromNode2.get("tier").asText()).isEqualTo("PRO");
    }

    @Test
    void aSessionRevokedOnOneNodeIsRefusedOnTheOther() {
        Fixture f = fixture("PRO", 2);
        String seat = Http.postJson(node1.baseUrl() + "/realms/coditect/licenses/acquire", f.token.accessToken(),
                Map.of("device_id", "laptop")).json().get("session_id").asText();
        String sid = f.token.access().get("sid").asText();
        assertThat(Http.delete(node2.baseUrl() + "/admin/realms/coditect/sessions/" + sid, admin.token()).status())
                .isEqualTo(204);
        Http.Reply refused = Http.postJson(node1.baseUrl() + "/realms/coditect/licenses/heartbeat",
                f.token.accessToken(), Map.of("session_id", seat));
        LicenseAdminIT.assertError(refused, 401, "invalid_token");
    }

    private static String node(int i) {
        return (i % 2 == 0 ? node1 : node2).baseUrl();
    }

    private static Fixture fixture(String tier, int seats) {
        KeycloakAdmin.TenantUser u = admin.tenantUser("cluster", tier, seats);
        return new Fixture(u.username(), u.licenseId(), new Tokens(node1.baseUrl(), admin).password(u.username(), "pw"));
    }


    record Fixture(String username, String licenseId, TokenSet token) {
    }
}
