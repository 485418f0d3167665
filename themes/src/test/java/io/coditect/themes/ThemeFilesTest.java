package io.coditect.themes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Checks the theme files as Keycloak will read them from the jar: the theme descriptor,
 * the parents, and that our messages keep every argument the base templates pass.
 * Keycloak's own theme jar (test scope) is on the classpath as the reference.
 */
class ThemeFilesTest {

    private static final String OURS = "theme/coditect/";
    private static final String BASE_EMAIL_MESSAGES = "theme/base/email/messages/messages_en.properties";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void descriptorDeclaresCoditectLoginAndEmailTheme() throws IOException {
        // Keycloak's jar has its own META-INF/keycloak-themes.json: find ours among them.
        List<JsonNode> coditect = new ArrayList<>();
        for (URL url : Collections.list(loader().getResources("META-INF/keycloak-themes.json"))) {
            JsonNode root;
            try (InputStream in = url.openStream()) {
                root = json.readTree(in);
            }
            assertThat(root.path("themes").isArray()).as("themes array in %s", url).isTrue();
            for (JsonNode theme : root.path("themes")) {
                if ("coditect".equals(theme.path("name").asText())) {
                    coditect.add(theme);
                }
            }
        }

        assertThat(coditect).hasSize(1);
        List<String> types = new ArrayList<>();
        coditect.get(0).path("types").forEach(t -> types.add(t.asText()));
        assertThat(types).containsExactlyInAnyOrder("login", "email");
    }

    @Test
    void themesExtendKeycloaksDefaults() throws IOException {
        assertThat(properties(OURS + "login/theme.properties").getProperty("parent")).isEqualTo("keycloak.v2");
        assertThat(properties(OURS + "email/theme.properties").getProperty("parent")).isEqualTo("keycloak");
    }

    @Test
    void loginStylesExtendTheParentsStyles() throws IOException {
        // Theme properties override key by key, so our styles must repeat the parent's.
        Properties ours = properties(OURS + "login/theme.properties");
        Properties parent = properties("theme/keycloak.v2/login/theme.properties");

        List<String> ourStyles = Arrays.asList(ours.getProperty("styles").trim().split("\\s+"));
        List<String> parentStyles = Arrays.asList(parent.getProperty("styles").trim().split("\\s+"));

        assertThat(ourStyles).startsWith(parentStyles.toArray(String[]::new)).endsWith("css/coditect.css");
        assertThat(ours.getProperty("stylesCommon")).as("stylesCommon is inherited, not replaced").isNull();
        assertThat(loader().getResource(OURS + "login/resources/css/coditect.css")).isNotNull();
        assertThat(loader().getResource(OURS + "login/resources/img/coditect-logo.svg")).isNotNull();
    }

    @Test
    void loginPagesSayCoditect() throws IOException {
        Properties messages = properties(OURS + "login/messages/messages_en.properties");

        assertThat(messages.getProperty("loginTitle")).isEqualTo("Sign in to CODITECT");
        assertThat(messages.getProperty("loginAccountTitle")).isEqualTo("Sign in to CODITECT");
        assertThat(messages.getProperty("registerTitle")).contains("CODITECT");
        assertThat(messages.getProperty("loginTitleHtml")).contains("kc-logo-text").contains("CODITECT");
    }

    @Test
    void verificationEmailSubjectIsCoditect() throws IOException {
        Properties messages = properties(OURS + "email/messages/messages_en.properties");

        assertThat(messages.getProperty("emailVerificationSubject")).isEqualTo("Verify your CODITECT account");
        assertThat(messages.getProperty("passwordResetSubject")).contains("CODITECT");
        assertThat(messages.getProperty("executeActionsSubject")).contains("CODITECT");
    }

    @Test
    void verificationBodiesKeepEveryArgumentOfTheBaseTheme() throws IOException {
        Properties base = properties(BASE_EMAIL_MESSAGES);
        Properties ours = properties(OURS + "email/messages/messages_en.properties");

        for (String key : List.of("emailVerificationBody", "emailVerificationBodyHtml")) {
            Set<String> basePlaceholders = placeholders(base.getProperty(key));
            assertThat(basePlaceholders).as("base %s arguments", key).contains("0", "3");
            assertThat(placeholders(ours.getProperty(key))).as(key).containsAll(basePlaceholders);
        }
    }

    @Test
    void verificationBodiesRenderTheLinkAndExpiry() throws IOException {
        // The arguments in the order email-verification.ftl passes them. A stray single
        // quote would swallow placeholders here exactly as it would in Keycloak.
        Properties ours = properties(OURS + "email/messages/messages_en.properties");
        Object[] args = {"https://id.example.test/verify?key=abc", 720, "CODITECT", "12 hours"};

        for (String key : List.of("emailVerificationBody", "emailVerificationBodyHtml")) {
            String rendered = new MessageFormat(ours.getProperty(key)).format(args);
            assertThat(rendered).as(key)
                    .contains("https://id.example.test/verify?key=abc")
                    .contains("expire within 12 hours")
                    .contains("CODITECT")
                    .doesNotContain("{");
        }
        assertThat(new MessageFormat(ours.getProperty("emailVerificationBodyHtml")).format(args))
                .contains("<a href=\"https://id.example.test/verify?key=abc\">");
    }

    private static Set<String> placeholders(String pattern) {
        assertThat(pattern).isNotNull();
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(pattern);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static Properties properties(String resource) throws IOException {
        InputStream in = loader().getResourceAsStream(resource);
        assertThat(in).as(resource).isNotNull();
        Properties p = new Properties();
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            p.load(reader);
        }
        return p;
    }

    private static ClassLoader loader() {
        return ThemeFilesTest.class.getClassLoader();
    }
}
