package io.coditect.keycloak.quota.auth;

import io.coditect.keycloak.license.model.Tier;
import io.coditect.keycloak.quota.UserTier;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * "The user's tier is one of ...": true when the usable license of the user's primary tenant has
 * one of the configured tiers. The tier comes from the tenant's license, never from anything the
 * user can edit, so setting a tenant to ENTERPRISE takes effect at its users' next login.
 */
public final class TierCondition implements ConditionalAuthenticator {

    static final TierCondition SINGLETON = new TierCondition();
    static final String NEGATE = "negate";

    @Override
    public boolean matchCondition(AuthenticationFlowContext context) {
        UserModel user = context.getUser();
        if (user == null) {
            return false;
        }
        Set<Tier> tiers = TierSet.of(context.getAuthenticatorConfig(), EnumSet.of(Tier.ENTERPRISE));
        Optional<Tier> tier = UserTier.find(context.getSession(), context.getRealm(), user, Clock.systemUTC());
        boolean match = tier.isPresent() && tiers.contains(tier.get());
        boolean negate = context.getAuthenticatorConfig() != null
                && Boolean.parseBoolean(context.getAuthenticatorConfig().getConfig().get(NEGATE));
        return negate != match;
    }

    @Override
    public void action(AuthenticationFlowContext context) {
    }

    @Override
    public boolean requiresUser() {
        return true;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
    }

    @Override
    public void close() {
    }
}
