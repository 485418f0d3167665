package io.coditect.it.client;

import io.coditect.it.support.BrowserSession;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The user's half of a device login: opens the verification link the client showed, in a
 * {@link BrowserSession} on Keycloak's own pages, signs in and grants consent, the same page walk
 * as {@code DeviceLogin} but starting from the client's link. Returns the templates of the pages
 * seen, for assertions.
 */
public final class DeviceApproval {

    private DeviceApproval() {
    }

    public static List<String> approve(URI verificationUri, String username, String password) {
        List<String> visited = new ArrayList<>();
        BrowserSession browser = new BrowserSession();
        BrowserSession.Page page = browser.get(verificationUri.toString());
        for (int step = 0; step < 8; step++) {
            // Keycloak lands on /device/status once the user has approved the device.
            if (page.status() == 200 && page.url().contains("/device/status")) {
                return visited;
            }
            String template = page.template();
            if (template.isEmpty() && page.has("login-actions/consent")) {
                template = "login-oauth-grant.ftl"; // the consent page carries no template comment
            }
            visited.add(template);
            page = switch (template) {
                case "login.ftl" -> browser.submit(page, null, Map.of("username", username, "password", password));
                case "login-username.ftl" -> browser.submit(page, null, Map.of("username", username));
                case "login-password.ftl" -> browser.submit(page, null, Map.of("password", password));
                case "login-oauth-grant.ftl" -> browser.submit(page, null, Map.of("accept", "Yes"));
                default -> throw new AssertionError("unexpected page '" + template + "' at " + page.url() + ":\n"
                        + page.body());
            };
        }
        throw new AssertionError("device approval did not finish; last page " + page.template() + " at " + page.url());
    }
}
