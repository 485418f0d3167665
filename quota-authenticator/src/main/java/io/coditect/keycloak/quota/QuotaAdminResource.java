package io.coditect.keycloak.quota;

import io.coditect.keycloak.license.api.ApiError;
import io.coditect.keycloak.license.api.Endpoint;
import io.coditect.keycloak.license.api.Json;
import io.coditect.keycloak.license.model.Tier;
import io.coditect.keycloak.license.policy.TierPolicyStore;
import io.coditect.keycloak.license.store.CoditectStoreProvider;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** {@code GET /admin/realms/{realm}/quota/users/{id}}: a user's command usage today (needs view-realm). */
public class QuotaAdminResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;

    QuotaAdminResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
    }

    @GET
    @Path("users/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response usage(@PathParam("id") String userId) {
        return Endpoint.call(() -> {
            auth.realm().requireViewRealm();
            UserModel user = userId.length() > 36 ? null : session.users().getUserById(realm, userId);
            if (user == null) {
                throw ApiError.notFound("user_not_found", "No user with this id in this realm.").exception();
            }
            Clock clock = Clock.systemUTC();
            Optional<Tier> tier = UserTier.find(session, realm, user, clock);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("user_id", user.getId());
            body.put("tier", tier.map(Tier::name).orElse("NONE"));
            if (tier.isPresent()) {
                QuotaDecision d = new DailyQuota(session.getProvider(CoditectStoreProvider.class).quota(), clock)
                        .peek(realm.getId(), user.getId(), tier.get(), TierPolicyStore.get(realm));
                body.put("limit", d.limit());
                body.put("used", d.used());
                body.put("remaining", d.remaining());
                body.put("reset_at", Json.time(d.window().end()));
            }
            return Json.ok(body).build();
        });
    }
}
