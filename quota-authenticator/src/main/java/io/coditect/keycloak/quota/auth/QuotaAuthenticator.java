package io.coditect.keycloak.quota.auth;

import io.coditect.keycloak.license.model.Tier;
import io.coditect.keycloak.license.policy.TierPolicyStore;
import io.coditect.keycloak.license.store.CoditectStoreProvider;
import io.coditect.keycloak.quota.DailyQuota;
import io.coditect.keycloak.quota.QuotaDecision;
import io.coditect.keycloak.quota.UserTier;
import io.coditect.store.StoreUnavailableException;
import jakarta.ws.rs.core.MediaType;
import io.coditect.keycloak.license.api.Json;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.Authenticator;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Refuses a login or token request when the user's daily command quota is already spent (it
 * reads the counter, it does not count). Meant for the direct-grant or client flow of a client
 * that stands for "running commands"; the refusal is a 429 JSON error like the quota endpoint's.
 * Redis unreachable: tiers in the config's fail-closed list are refused with 503, others pass.
 */
public final class QuotaAuthenticator implements Authenticator {

    static final String MESSAGE = "error_message";
    static final String FAIL_CLOSED = "fail_closed_tiers";
    private static final Logger LOG = Logger.getLogger(QuotaAuthenticator.class);

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        UserModel user = context.getUser();
        AuthenticatorConfigModel config = context.getAuthenticatorConfig();
        Optional<Tier> tier = UserTier.find(context.getSession(), context.getRealm(), user, Clock.systemUTC());
        if (tier.isEmpty() || !TierSet.of(config, EnumSet.of(Tier.FREE)).contains(tier.get())) {
            context.success();
            return;
        }
        QuotaDecision decision;
        try {
            CoditectStoreProvider store = context.getSession().getProvider(CoditectStoreProvider.class);
            decision = new DailyQuota(store.quota(), Clock.systemUTC()).peek(context.getRealm().getId(), user.getId(),
                    tier.get(), TierPolicyStore.get(context.getRealm()));
        } catch (StoreUnavailableException e) {
            Set<Tier> failClosed = TierSet.of(config, FAIL_CLOSED, EnumSet.of(Tier.FREE));
            LOG.warnf("Quota store unavailable in authenticator for a %s user: %s", tier.get(), e.getMessage());
            if (failClosed.contains(tier.get())) {
                context.failure(AuthenticationFlowError.INTERNAL_ERROR, json(503, "store_unavailable",
                        "The quota store cannot be reached. Try again shortly.", Map.of()));
            } else {
                context.success();
            }
            return;
        }
        if (decision.allowed()) {
            context.success();
            return;
        }
        String message = config != null && config.getConfig().get(MESSAGE) != null
                ? config.getConfig().get(MESSAGE)
                : "Daily quota exceeded (" + decision.limit() + " commands/day). Upgrade to Pro for unlimited commands.";
        context.getEvent().detail("reason", "quota_exceeded");
        context.failure(AuthenticationFlowError.ACCESS_DENIED, json(429, "quota_exceeded", message,
                Map.of("Retry-After", decision.secondsToReset(), "RateLimit-Policy", decision.rateLimitPolicy(),
                        "RateLimit", decision.rateLimit())));
    }

    private static Response json(int status, String error, String description, Map<String, Object> headers) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", description);
        Response.ResponseBuilder builder = Json.status(status, body);
        headers.forEach(builder::header);
        return builder.build();
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        context.success();
    }

    @Override
    public boolean requiresUser() {
        return true;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
    }

    @Override
    public void close() {
    }
}
