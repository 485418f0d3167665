package io.coditect.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.coditect.it.support.CoditectStack;
import io.coditect.it.support.DeviceLogin;
import io.coditect.it.support.KeycloakAdmin;
import io.coditect.it.support.TotpDevice;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** TOTP by tier, through Keycloak's own pages during the coditect-cli device approval. */
@ExtendWith(CoditectStack.Extension.class)
class MfaIT {

    private final CoditectStack stack = CoditectStack.get();
    private final KeycloakAdmin admin = stack.admin();

    @Test
    void enterpriseUserMustEnrolThenGiveACode() {
        String user = member("ENTERPRISE").username;
        TotpDevice phone = new TotpDevice();

        List<String> first = new ArrayList<>();
        assertThat(new DeviceLogin(stack).login(user, "pw", phone, first).accessToken()).isNotBlank();
        assertThat(first).contains("login-config-totp.ftl").doesNotContain("login-otp.ftl");
        assertThat(phone.enrolled()).isTrue();

        List<String> second = new ArrayList<>();
        new DeviceLogin(stack).login(user, "pw", phone, second);
        assertThat(second).contains("login-otp.ftl").doesNotContain("login-config-totp.ftl");
    }

    @Test
    void aWrongCodeIsRefusedAndAskedAgain() {
        // Its own user: each login spends an unused TOTP step, and only three are valid at once.
        String user = member("ENTERPRISE").username;
        TotpDevice phone = new TotpDevice();
        new DeviceLogin(stack).login(user, "pw", phone);
        phone.answerWrongOnce();
        List<String> pages = new ArrayList<>();
        new DeviceLogin(stack).login(user, "pw", phone, pages);
        assertThat(Collections.frequency(pages, "login-otp.ftl")).as("asked again after a wrong code").isEqualTo(2);
    }

    @Test
    void aRecoveryCodeLetsAnEnterpriseUserInOnce() {
        Member m = member("ENTERPRISE");
        TotpDevice phone = new TotpDevice();
        new DeviceLogin(stack).login(m.username, "pw", phone);
        String userId = admin.get("/users?exact=true&username=" + m.username).json().get(0).get("id").asText();
        admin.put("/users/" + userId, Map.of("requiredActions", List.of("CONFIGURE_RECOVERY_AUTHN_CODES")));
        List<String> setup = new ArrayList<>();
        new DeviceLogin(stack).login(m.username, "pw", phone, setup);
        assertThat(setup).contains("login-recovery-authn-code-config.ftl");
        assertThat(phone.recoveryCodes()).hasSizeGreaterThanOrEqualTo(10);

        String recoveryForm = null;
        for (var e : admin.get("/authentication/flows/coditect-browser/executions").json()) {
            if ("auth-recovery-authn-code-form".equals(e.path("providerId").asText())) {
                recoveryForm = e.get("id").asText();
            }
        }
        phone.useRecoveryCode(recoveryForm, false);
        List<String> withCode = new ArrayList<>();
        assertThat(new DeviceLogin(stack).login(m.username, "pw", phone, withCode).accessToken()).isNotBlank();
        assertThat(withCode).contains("select-authenticator.ftl", "login-recovery-authn-code-input.ftl");

        // The code just used is refused the next time; the next code in the list is asked for.
        phone.useRecoveryCode(recoveryForm, true);
        List<String> reuse = new ArrayList<>();
        new DeviceLogin(stack).login(m.username, "pw", phone, reuse);
        assertThat(Collections.frequency(reuse, "login-recovery-authn-code-input.ftl")).isEqualTo(2);
    }

    @Test
    void freeAndProUsersAreNotAskedForAnyCode() {
        for (String tier : List.of("FREE", "PRO")) {
            List<String> pages = new ArrayList<>();
            new DeviceLogin(stack).login(member(tier).username, "pw", null, pages);
            assertThat(pages).doesNotContain("login-config-totp.ftl", "login-otp.ftl");
        }
    }

    @Test
    void upgradingATenantToEnterpriseRequiresTotpAtTheNextLogin() {
        Member m = member("PRO");
        List<String> before = new ArrayList<>();
        new DeviceLogin(stack).login(m.username, "pw", null, before);
        assertThat(before).doesNotContain("login-config-totp.ftl");

        admin.put("/licenses/" + m.licenseId, Map.of("tier", "ENTERPRISE"));
        List<String> after = new ArrayList<>();
        new DeviceLogin(stack).login(m.username, "pw", new TotpDevice(), after);
        assertThat(after).contains("login-config-totp.ftl");
    }

    @Test
    void aProUserWhoEnrolledVoluntarilyIsAskedForTheCode() {
        Member m = member("PRO");
        String userId = admin.get("/users?exact=true&username=" + m.username).json().get(0).get("id").asText();
        admin.put("/users/" + userId, Map.of("requiredActions", List.of("CONFIGURE_TOTP")));
        TotpDevice phone = new TotpDevice();
        List<String> first = new ArrayList<>();
        new DeviceLogin(stack).login(m.username, "pw", phone, first);
        assertThat(first).contains("login-config-totp.ftl");
        List<String> second = new ArrayList<>();
        new DeviceLogin(stack).login(m.username, "pw", phone, second);
        assertThat(second).contains("login-otp.ftl");
    }

    private Member member(String tier) {
        KeycloakAdmin.TenantUser u = admin.tenantUser("mfa", tier, 3);
        return new Member(u.username(), u.licenseId());
    }

    record Member(String username, String licenseId) {
    }
}
