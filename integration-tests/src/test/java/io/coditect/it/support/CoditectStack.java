package io.coditect.it.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Everything the integration tests talk to, started once per test JVM: GreenMail (SMTP), a real
 * redis-server and the real Keycloak distribution with the bundle, configured to use both.
 * Test classes opt in with {@code @ExtendWith(CoditectStack.Extension.class)} and reach it with
 * {@link #get()}. Stopped when the test run ends.
 */
public final class CoditectStack implements AutoCloseable {

    private static CoditectStack instance;

    private final GreenMail mail;
    private final RedisProcess redis;
    private final KeycloakProcess keycloak;
    private final KeycloakAdmin admin;

    private CoditectStack() throws IOException {
        Path work = Path.of(required("coditect.it.work"));
        Files.createDirectories(work);
        mail = new GreenMail(new ServerSetup(FreePort.find(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        redis = new RedisProcess(work);
        redis.start();
        keycloak = new KeycloakProcess(Path.of(required("coditect.it.keycloak.home")), work);
        keycloak.install(Path.of(required("coditect.it.providers")), Path.of(required("coditect.it.realm")));
        keycloak.start(List.of("--spi-coditect-store--redis--url=" + redis.url()),
                Map.of("CODITECT_SMTP_HOST", "127.0.0.1",
                        "CODITECT_SMTP_PORT", Integer.toString(mail.getSmtp().getPort())));
        admin = new KeycloakAdmin(keycloak.baseUrl());
    }

    public static synchronized CoditectStack get() {
        if (instance == null) {
            try {
                instance = new CoditectStack();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(instance::close));
        }
        return instance;
    }

    public String baseUrl() {
        return keycloak.baseUrl();
    }

    public String realmUrl() {
        return keycloak.baseUrl() + "/realms/coditect";
    }

    public KeycloakAdmin admin() {
        return admin;
    }

    public RedisProcess redis() {
        return redis;
    }

    public GreenMail mail() {
        return mail;
    }

    public KeycloakProcess keycloak() {
        return keycloak;
    }

    @Override
    public synchronized void close() {
        keycloak.close();
        redis.close();
        mail.stop();
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("System property " + property + " is not set; run the tests with Maven "
                    + "(mvn verify), which sets it.");
        }
        return value;
    }

    /** Starts the stack before the first test class that uses it. */
    public static final class Extension implements BeforeAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) {
            get();
        }
    }
}
