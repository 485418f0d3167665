package io.coditect.it;

import static io.coditect.it.LicenseAdminIT.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.coditect.it.support.Concurrently;
import io.coditect.it.support.Http;
import io.coditect.it.support.KeycloakProcess;
import io.coditect.it.support.Tokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A single dev node with no Redis configured: the in-memory store is chosen, says so in the log,
 * and grants seats and counts quota just as atomically (within the node).
 */
class InMemoryStoreIT {

    private static KeycloakProcess node;
    private static String base;

    @BeforeAll
    static void startNode() throws Exception {
        Path work = Path.of(System.getProperty("coditect.it.work")).resolve("in-memory-node");
        Files.createDirectories(work);
        node = KeycloakProcess.copy(Path.of(System.getProperty("coditect.it.keycloak.home")), work.resolve("keycloak"),
                work);
        node.install(Path.of(System.getProperty("coditect.it.providers")), Path.of(System.getProperty("coditect.it.realm")));
        node.start(List.of(), Map.of());
        base = node.baseUrl();
    }

    @AfterAll
    static void stopNode() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void theLogSaysTheStoreIsInMemory() throws Exception {
        assertThat(Files.readString(node.log())).contains("CODITECT seat and quota store: in-memory");
    }

    @Test
    void fiftyConcurrentAcquiresOnThreeSeatsGrantExactlyThree() throws Exception {
        String token = userWithLicense("PRO", 3);
        List<Integer> statuses = Concurrently.statuses(50, i -> Http.postJson(base + "/realms/coditect/licenses/acquire", token,
                Map.of("device_id", "device-" + i)).status());
        assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(3);
        assertThat(statuses.stream().filter(s -> s == 409).count()).isEqualTo(47);
    }

    @Test
    void fortyConcurrentQuotaCallsAdmitExactlyTen() throws Exception {
        String token = userWithLicense("FREE", 1);
        List<Integer> statuses = Concurrently.statuses(40, i -> Http.postJson(base + "/realms/coditect/quota/commands", token,
                Map.of()).status());
        assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(10);
        assertThat(statuses.stream().filter(s -> s == 429).count()).isEqualTo(30);
        assertError(Http.postJson(base + "/realms/coditect/quota/commands", token, Map.of()), 429, "quota_exceeded");
    }


    /** A user with a license on this node, and an access token of the test client. */
    private static String userWithLicense(String tier, int seats) {
        io.coditect.it.support.KeycloakAdmin admin = io.coditect.it.support.KeycloakAdmin.of(base);
        String name = admin.tenantUser("mem", tier, seats).username();
        return new Tokens(base, admin).password(name, "pw").accessToken();
    }
}
