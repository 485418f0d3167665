package io.coditect.keycloak.quota;

import io.coditect.keycloak.license.api.ApiError;
import io.coditect.keycloak.license.api.AuditTrail;
import io.coditect.keycloak.license.api.BearerAuth;
import io.coditect.keycloak.license.api.Caller;
import io.coditect.keycloak.license.api.Endpoint;
import io.coditect.keycloak.license.api.Json;
import io.coditect.keycloak.license.api.JsonBody;
import io.coditect.keycloak.license.model.Tier;
import io.coditect.keycloak.license.policy.TierPolicy;
import io.coditect.keycloak.license.policy.TierPolicyStore;
import io.coditect.keycloak.license.store.CoditectStoreProvider;
import io.coditect.store.StoreUnavailableException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * {@code /realms/{realm}/quota/commands}: the daily command quota of DESIGN §5 "Quota". Every
 * counted answer carries the IETF {@code RateLimit-Policy} and {@code RateLimit} fields; unlimited
 * tiers get {@code limit: null}, no counter write and no RateLimit fields (there is no limit to
 * describe).
 */
public class QuotaResource {

    private static final Logger LOG = Logger.getLogger(QuotaResource.class);

    private final KeycloakSession session;
    private final RealmModel realm;
    private final Clock clock;
    private final Set<Tier> failOpenTiers;

    QuotaResource(KeycloakSession session, Clock clock, Set<Tier> failOpenTiers) {
        this.session = session;
        this.realm = session.getContext().getRealm();
        this.clock = clock;
        this.failOpenTiers = failOpenTiers;
    }

    @POST
    @Path("commands")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response consume(InputStream in) {
        return Endpoint.call(() -> {
            Caller caller = BearerAuth.require(session);
            JsonBody.read(in).optionalString("command", 256); // validated, never stored or logged
            Tier tier = UserTier.require(session, realm, caller.user(), clock);
            TierPolicy policy = TierPolicyStore.get(realm);
            QuotaDecision decision;
            try {
                decision = quota().consume(realm.getId(), caller.user().getId(), tier, policy);
            } catch (StoreUnavailableException e) {
                return storeDown(caller, tier, e);
            }
            if (!decision.allowed()) {
                new AuditTrail(session, realm, caller).quota("quota_exceeded",
                        Map.of("tier", tier.name(), "limit", decision.limit()));
                return exceeded(decision, tier);
            }
            return answer(Json.ok(body(decision, false)), decision);
        });
    }

    @GET
    @Path("commands")
    @Produces(MediaType.APPLICATION_JSON)
    public Response usage() {
        return Endpoint.call(() -> {
            Caller caller = BearerAuth.require(session);
            Tier tier = UserTier.require(session, realm, caller.user(), clock);
            QuotaDecision decision = quota().peek(realm.getId(), caller.user().getId(), tier,
                    TierPolicyStore.get(realm));
            return answer(Json.ok(body(decision, true)), decision);
        });
    }

    private Response storeDown(Caller caller, Tier tier, StoreUnavailableException e) {
        boolean open = failOpenTiers.contains(tier);
        LOG.warnf("Quota store unavailable for a %s user (%s): %s", tier, open ? "allowed, fail-open" : "refused",
                e.getMessage());
        new AuditTrail(session, realm, caller).quota("store_unavailable",
                Map.of("tier", tier.name(), "outcome", open ? "allowed" : "refused"));
        if (!open) {
            return ApiError.storeUnavailable().toResponse();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("allowed", true);
        body.put("limit", TierPolicyStore.get(realm).rules(tier).dailyCommandQuota());
        body.put("remaining", null);
        body.put("reset_at", null);
        body.put("degraded", true);
        return Json.ok(body).build();
    }

    private Response exceeded(QuotaDecision decision, Tier tier) {
        String upgrade = tier == Tier.FREE ? " Upgrade to Pro for unlimited commands." : "";
        ApiError error = ApiError.of(429, "quota_exceeded",
                "Daily quota exceeded (" + decision.limit() + " commands/day)." + upgrade)
                .with("limit", decision.limit())
                .with("reset_at", Json.time(decision.window().end()))
                .header("Retry-After", decision.secondsToReset())
                .header("RateLimit-Policy", decision.rateLimitPolicy())
                .header("RateLimit", decision.rateLimit());
        return error.toResponse();
    }

    private static Map<String, Object> body(QuotaDecision d, boolean withUsed) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("allowed", d.allowed());
        body.put("limit", d.limit());
        if (withUsed) {
            body.put("used", d.used());
        }
        body.put("remaining", d.remaining());
        body.put("reset_at", Json.time(d.window().end()));
        return body;
    }

    private static Response answer(Response.ResponseBuilder builder, QuotaDecision d) {
        builder.header("Cache-Control", "no-store");
        if (!d.unlimited()) {
            builder.header("RateLimit-Policy", d.rateLimitPolicy()).header("RateLimit", d.rateLimit());
        }
        return builder.build();
    }

    private DailyQuota quota() {
        CoditectStoreProvider store = session.getProvider(CoditectStoreProvider.class);
        return new DailyQuota(store.quota(), clock);
    }
}
