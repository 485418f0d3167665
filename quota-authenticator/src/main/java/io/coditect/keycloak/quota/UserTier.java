package io.coditect.keycloak.quota;

import io.coditect.keycloak.license.api.ApiError;
import io.coditect.keycloak.license.model.Tier;
import io.coditect.keycloak.license.tenant.LicenseSummary;
import io.coditect.keycloak.license.tenant.TenantLicenses;
import java.time.Clock;
import java.util.Optional;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * The tier a user's commands count under right now: the usable license of the user's primary
 * tenant, read from the cached license summary (no database round trip), never from a token
 * claim that may be minutes old.
 */
public final class UserTier {

    private UserTier() {
    }

    /** The tier, or the 403/404 error that says why the user has none. */
    public static Tier require(KeycloakSession session, RealmModel realm, UserModel user, Clock clock) {
        Optional<LicenseSummary> summary = summary(session, realm, user, clock);
        if (summary.isEmpty()) {
            throw ApiError.notFound("no_license", "Your tenant has no CODITECT license.").exception();
        }
        summary.get().refusal(clock.instant()).ifPresent(error -> {
            throw error.exception();
        });
        return summary.get().tier();
    }

    /** The tier if the user has a usable license, else empty. */
    public static Optional<Tier> find(KeycloakSession session, RealmModel realm, UserModel user, Clock clock) {
        return summary(session, realm, user, clock).filter(s -> s.usableAt(clock.instant())).map(LicenseSummary::tier);
    }

    private static Optional<LicenseSummary> summary(KeycloakSession session, RealmModel realm, UserModel user,
            Clock clock) {
        TenantLicenses licenses = new TenantLicenses(session, realm, clock);
        return licenses.tenancy().primary(user).flatMap(m -> licenses.summary(m.tenant()));
    }
}
