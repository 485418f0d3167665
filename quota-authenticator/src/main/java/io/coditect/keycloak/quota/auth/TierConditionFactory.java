package io.coditect.keycloak.quota.auth;

import java.util.List;
import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticator;
import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticatorFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** Authenticator {@code coditect-condition-tier}: "Condition - CODITECT tier". */
public class TierConditionFactory extends RequiredOrDisabledFactory implements ConditionalAuthenticatorFactory {

    public static final String ID = "coditect-condition-tier";

    @Override
    public ConditionalAuthenticator getSingleton() {
        return TierCondition.SINGLETON;
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayType() {
        return "Condition - CODITECT tier";
    }

    @Override
    public String getHelpText() {
        return "Runs the rest of the sub-flow only for users whose tenant's license has one of the given tiers"
                + " (e.g. ENTERPRISE, to require TOTP).";
    }

    @Override
    public boolean isConfigurable() {
        return true;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return ProviderConfigurationBuilder.create()
                .property().name(TierSet.CONFIG).label("Tiers").type(ProviderConfigProperty.MULTIVALUED_STRING_TYPE)
                .defaultValue("ENTERPRISE").helpText("FREE, PRO and/or ENTERPRISE").add()
                .property().name(TierCondition.NEGATE).label("Negate").type(ProviderConfigProperty.BOOLEAN_TYPE)
                .defaultValue("false").helpText("Match users whose tier is NOT one of these").add()
                .build();
    }
}
