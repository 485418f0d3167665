package io.coditect.keycloak.quota.auth;

import java.util.List;
import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** Authenticator {@code coditect-quota}: "CODITECT daily quota". */
public class QuotaAuthenticatorFactory extends RequiredOrDisabledFactory {

    public static final String ID = "coditect-quota";
    private static final QuotaAuthenticator SINGLETON = new QuotaAuthenticator();

    @Override
    public Authenticator create(KeycloakSession session) {
        return SINGLETON;
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayType() {
        return "CODITECT daily quota";
    }

    @Override
    public String getReferenceCategory() {
        return "coditect-quota";
    }

    @Override
    public String getHelpText() {
        return "Refuses users of the given tiers whose daily command quota is spent (429 quota_exceeded).";
    }

    @Override
    public boolean isConfigurable() {
        return true;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return ProviderConfigurationBuilder.create()
                .property().name(TierSet.CONFIG).label("Tiers").type(ProviderConfigProperty.MULTIVALUED_STRING_TYPE)
                .defaultValue("FREE").helpText("Tiers whose quota is enforced here").add()
                .property().name(QuotaAuthenticator.MESSAGE).label("Error message").type(ProviderConfigProperty.STRING_TYPE)
                .helpText("error_description of the 429; default: the quota endpoint's message").add()
                .property().name(QuotaAuthenticator.FAIL_CLOSED).label("Fail closed for tiers")
                .type(ProviderConfigProperty.MULTIVALUED_STRING_TYPE).defaultValue("FREE")
                .helpText("Tiers refused (503) while the quota store is unreachable; others pass").add()
                .build();
    }
}
