package io.coditect.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.coditect.it.support.BrowserSession;
import io.coditect.it.support.CoditectStack;
import io.coditect.it.support.Http;
import io.coditect.it.support.KeycloakAdmin;
import io.coditect.it.support.Pkce;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Self-registration through the real registration form: the CODITECT verification mail arrives
 * (GreenMail), its link verifies the address, the user gets a personal tenant with a FREE license
 * and can then use the licenses endpoint.
 */
@ExtendWith(CoditectStack.Extension.class)
class EmailVerificationIT {

    private static final Pattern LINK = Pattern.compile("(http://[^\\s\"<>]*login-actions/action-token[^\\s\"<>]*)");
    private static final String REDIRECT = "http://127.0.0.1:47001/callback";

    private final CoditectStack stack = CoditectStack.get();
    private final KeycloakAdmin admin = stack.admin();

    @Test
    void registrationSendsTheCoditectMailAndTheLinkVerifiesTheAddress() throws Exception {
        String username = "reg-" + ClaimsIT.suffix();
        String email = username + "@example.test";
        String verifier = Pkce.verifier();
        BrowserSession browser = new BrowserSession();
        BrowserSession.Page form = browser.get(stack.realmUrl() + "/protocol/openid-connect/registrations?client_id="
                + "coditect-cli&response_type=code&scope=openid&state=s1&redirect_uri=" + Http.enc(REDIRECT)
                + "&code_challenge=" + Pkce.challenge(verifier) + "&code_challenge_method=S256");
        assertThat(form.template()).isEqualTo("register.ftl");
        assertThat(form.body()).contains("CODITECT");

        BrowserSession.Page pending = browser.submit(form, null, Map.of("username", username, "email", email,
                "firstName", "Reggie", "lastName", "Stration"));
        // The "verify your email" page (our theme's wording; this page has no template comment).
        assertThat(pending.body()).contains("Verify your CODITECT account");
        assertThat(pending.url()).contains("VERIFY_EMAIL");

        String userId = admin.get("/users?exact=true&username=" + username).json().get(0).get("id").asText();
        assertThat(admin.get("/users/" + userId).json().get("emailVerified").asBoolean()).isFalse();
        // REGISTER created the personal tenant and its FREE license in the same transaction.
        JsonNode orgs = admin.get("/organizations/members/" + userId + "/organizations").json();
        assertThat(orgs).hasSize(1);
        JsonNode licenses = admin.get("/licenses?tenant_id=" + orgs.get(0).get("id").asText()).json();
        assertThat(licenses).hasSize(1);
        assertThat(licenses.get(0).get("tier").asText()).isEqualTo("FREE");

        MimeMessage mail = awaitMailTo(email);
        assertThat(mail.getSubject()).isEqualTo("Verify your CODITECT account");
        String body = GreenMailUtil.getBody(mail).replace("=\r\n", "").replace("=3D", "=");
        Matcher link = LINK.matcher(body);
        assertThat(link.find()).as(body).isTrue();

        BrowserSession.Page next = browser.get(BrowserSession.unescapeHtml(link.group(1)));
        for (int i = 0; i < 4 && !next.url().startsWith(REDIRECT); i++) {
            if (next.input("password-new") != null) {
                next = browser.submit(next, null,
                        Map.of("password-new", "Str0ng-pass!", "password-confirm", "Str0ng-pass!"));
            } else if (!next.links("action-token").isEmpty()) {
                next = browser.get(next.links("action-token").get(0)); // "click here to proceed"
            } else {
                throw new AssertionError("unexpected page at " + next.url() + ":\n" + next.body());
            }
        }
        assertThat(next.url()).startsWith(REDIRECT);
        assertThat(admin.get("/users/" + userId).json().get("emailVerified").asBoolean()).isTrue();

        String code = query(next.url()).get("code");
        Http.Reply tokens = Http.postForm(stack.realmUrl() + "/protocol/openid-connect/token",
                Map.of("grant_type", "authorization_code", "client_id", "coditect-cli", "code", code,
                        "redirect_uri", REDIRECT, "code_verifier", verifier));
        assertThat(tokens.status()).as("%s", tokens).isEqualTo(200);
        String accessToken = tokens.json().get("access_token").asText();
        Http.Reply acquire = Http.postJson(stack.realmUrl() + "/licenses/acquire", accessToken,
                Map.of("device_id", "new-laptop"));
        assertThat(acquire.status()).as("%s", acquire).isEqualTo(200);
        assertThat(acquire.json().get("tier").asText()).isEqualTo("FREE");
    }

    @Test
    void unverifiedUsersAreRefusedByOurEndpoints() {
        // A user whose address is not verified cannot get a token from Keycloak at all; one whose
        // verification is withdrawn keeps a valid token, and our endpoints refuse it.
        KeycloakAdmin.TenantUser u = admin.tenantUser("unverified", "PRO", 1);
        String userId = u.userId();
        String token = new io.coditect.it.support.Tokens(stack).password(u.username(), "pw").accessToken();
        admin.put("/users/" + userId, Map.of("emailVerified", false));
        LicenseAdminIT.assertError(Http.postJson(stack.realmUrl() + "/licenses/acquire", token,
                Map.of("device_id", "d")), 403, "email_not_verified");
        LicenseAdminIT.assertError(Http.postJson(stack.realmUrl() + "/quota/commands", token, Map.of()), 403,
                "email_not_verified");
    }

    private MimeMessage awaitMailTo(String address) throws Exception {
        for (int attempt = 0; attempt < 50; attempt++) {
            for (MimeMessage m : stack.mail().getReceivedMessages()) {
                if (Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().contains(address))) {
                    return m;
                }
            }
            stack.mail().waitForIncomingEmail(200, stack.mail().getReceivedMessages().length + 1);
        }
        throw new AssertionError("no mail to " + address);
    }

    private static Map<String, String> query(String url) {
        Map<String, String> params = new java.util.HashMap<>();
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(kv[0], java.net.URLDecoder.decode(kv.length > 1 ? kv[1] : "", java.nio.charset.StandardCharsets.UTF_8));
        }
        return params;
    }
}
