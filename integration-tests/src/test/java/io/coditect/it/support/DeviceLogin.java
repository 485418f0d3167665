package io.coditect.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * A real OAuth 2.0 device authorization grant (RFC 8628, with PKCE) of the shipped public client
 * {@code coditect-cli}, the user's side completed on Keycloak's own pages over HTTP.
 */
public final class DeviceLogin {

    public static final String CLIENT = "coditect-cli";

    private final CoditectStack stack;

    public DeviceLogin(CoditectStack stack) {
        this.stack = stack;
    }

    public Tokens.TokenSet login(String username, String password) {
        return login(username, password, null);
    }

    /**
     * {@code totp} is the user's authenticator: it enrols on the setup page and answers the OTP
     * form (null: the flow must ask for neither).
     */
    public Tokens.TokenSet login(String username, String password, TotpDevice totp) {
        return login(username, password, totp, null);
    }

    /** As above; {@code visited} collects the template of every page shown, for assertions. */
    public Tokens.TokenSet login(String username, String password, TotpDevice totp, java.util.List<String> visited) {
        String verifier = verifier();
        Http.Reply device = Http.postForm(stack.realmUrl() + "/protocol/openid-connect/auth/device",
                Map.of("client_id", CLIENT, "scope", "openid offline_access", "code_challenge", challenge(verifier),
                        "code_challenge_method", "S256"));
        if (device.status() != 200) {
            throw new AssertionError("device authorization failed: " + device);
        }
        JsonNode d = device.json();
        BrowserSession browser = new BrowserSession();
        BrowserSession.Page page = browser.get(d.get("verification_uri_complete").asText());
        for (int step = 0; step < 16; step++) {
            String template = page.template();
            // Keycloak lands on /device/status once the user has approved the device.
            if (page.status() == 200 && page.url().contains("/device/status")) {
                return poll(d.get("device_code").asText(), verifier);
            }
            if (template.isEmpty() && page.has("login-actions/consent")) {
                template = "login-oauth-grant.ftl"; // the consent page carries no template comment
            } else if (template.isEmpty() && page.input("generatedRecoveryAuthnCodes") != null) {
                template = "login-recovery-authn-code-config.ftl";
            } else if (template.isEmpty() && page.input("recoveryCodeInput") != null) {
                template = "login-recovery-authn-code-input.ftl";
            } else if (template.isEmpty() && page.has("kc-select-credential-form")) {
                template = "select-authenticator.ftl";
            }
            if (visited != null) {
                visited.add(template);
            }
            page = switch (template) {
                case "login-username.ftl" -> browser.submit(page, null, Map.of("username", username));
                case "login-password.ftl" -> browser.submit(page, null, Map.of("password", password));
                case "login.ftl" -> browser.submit(page, null, Map.of("username", username, "password", password));
                case "login-oauth-grant.ftl" -> browser.submit(page, null, Map.of("accept", "Yes"));
                case "login-otp.ftl" -> {
                    if (totp == null || !totp.enrolled()) {
                        throw new AssertionError("the login asked for an OTP code");
                    }
                    if (totp.recoveryExecutionId() != null) {
                        yield browser.submit(page, "kc-select-try-another-way-form", Map.of());
                    }
                    yield browser.submit(page, null, Map.of("otp", totp.answer()));
                }
                case "select-authenticator.ftl" -> browser.submit(page, "kc-select-credential-form",
                        Map.of("authenticationExecution", totp.recoveryExecutionId()));
                case "login-recovery-authn-code-input.ftl" -> {
                    java.util.regex.Matcher n = java.util.regex.Pattern.compile("#\\s*(\\d+)").matcher(page.body());
                    if (!n.find()) {
                        throw new AssertionError("which recovery code? " + page.body());
                    }
                    yield browser.submit(page, "kc-recovery-code-login-form",
                            Map.of("recoveryCodeInput", totp.recoveryAnswer(Integer.parseInt(n.group(1)))));
                }
                case "login-recovery-authn-code-config.ftl" -> {
                    totp.learnRecoveryCodes(java.util.Arrays.asList(page.input("generatedRecoveryAuthnCodes").split(",")));
                    yield browser.submit(page, "kc-recovery-codes-settings-form",
                            Map.of("kcRecoveryCodesConfirmationCheck", "on"));
                }
                case "login-config-totp.ftl" -> {
                    if (totp == null) {
                        throw new AssertionError("the login asked to set up TOTP");
                    }
                    totp.learn(page.input("totpSecret"));
                    yield browser.submit(page, "kc-totp-settings-form",
                            Map.of("totp", totp.nextCode(), "userLabel", "test phone"));
                }
                default -> throw new AssertionError("unexpected page '" + template + "' at " + page.url() + ":\n"
                        + page.body());
            };
        }
        throw new AssertionError("device login did not finish; last page " + page.template());
    }

    private Tokens.TokenSet poll(String deviceCode, String verifier) {
        Http.Reply r = Http.postForm(stack.realmUrl() + "/protocol/openid-connect/token",
                Map.of("grant_type", "urn:ietf:params:oauth:grant-type:device_code", "client_id", CLIENT,
                        "device_code", deviceCode, "code_verifier", verifier));
        if (r.status() != 200) {
            throw new AssertionError("device token poll failed: " + r);
        }
        return Tokens.TokenSet.of(r.json());
    }

    static String verifier() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String challenge(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
