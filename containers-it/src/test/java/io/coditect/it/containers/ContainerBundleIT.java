package io.coditect.it.containers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dasniko.testcontainers.keycloak.KeycloakContainer;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The bundle on the official Keycloak image: providers load, the realm imports, the licenses
 * endpoint answers with our error shape. Skipped where no Docker engine runs (as on the
 * developers' machines); never the only test of anything: see integration-tests/.
 */
@Testcontainers(disabledWithoutDocker = true)
class ContainerBundleIT {

    @Container
    static final KeycloakContainer KEYCLOAK = new KeycloakContainer(System.getProperty("keycloak.image"))
            .withProviderLibsFrom(jars())
            .withRealmImportFile("coditect-realm.json");

    @Test
    void bundleLoadsAndTheLicensesEndpointAnswersInOurShape() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> wellKnown = http.send(HttpRequest.newBuilder(URI.create(
                KEYCLOAK.getAuthServerUrl() + "/realms/coditect/.well-known/openid-configuration")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(wellKnown.statusCode()).isEqualTo(200);

        HttpResponse<String> noToken = http.send(HttpRequest.newBuilder(URI.create(
                KEYCLOAK.getAuthServerUrl() + "/realms/coditect/licenses/acquire"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"device_id\":\"d\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(noToken.statusCode()).isEqualTo(401);
        JsonNode error = new ObjectMapper().readTree(noToken.body());
        assertThat(error.get("error").asText()).isEqualTo("invalid_token");
    }

    private static List<File> jars() {
        File[] files = new File(System.getProperty("coditect.providers")).listFiles((d, n) -> n.endsWith(".jar"));
        return files == null ? List.of() : Arrays.asList(files);
    }
}
