package io.coditect.keycloak.license.tenant;

import io.coditect.keycloak.license.model.License;
import io.coditect.keycloak.license.model.LicenseStore;
import io.coditect.keycloak.license.model.Tier;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Licenses seen through their tenants. Every write goes to the license table and to the
 * tenant's {@link LicenseSummary} together, in the caller's transaction.
 */
public final class TenantLicenses {

    private final LicenseStore store;
    private final Tenancy tenancy;
    private final Clock clock;
    private final String realmId;

    public TenantLicenses(KeycloakSession session, RealmModel realm, Clock clock) {
        this.realmId = realm.getId();
        this.store = new LicenseStore(session, realm);
        this.tenancy = new Tenancy(session);
        this.clock = clock;
    }

    public LicenseStore store() {
        return store;
    }

    public Tenancy tenancy() {
        return tenancy;
    }

    public License create(OrganizationModel tenant, Tier tier, int seats, Instant expiresAt, Integer graceDays) {
        License license = store.create(tenant.getId(), tier, seats, expiresAt, graceDays, clock.instant());
        LicenseSummary.of(license).writeTo(tenant);
        return license;
    }

    public Optional<License> update(String id, LicenseStore.LicenseChange change) {
        Optional<License> updated = store.update(id, change, clock.instant());
        updated.ifPresent(l -> tenancy.byId(l.tenantId()).ifPresent(LicenseSummary.of(l)::writeTo));
        return updated;
    }

    public Optional<License> delete(String id) {
        Optional<License> license = store.byId(id);
        license.ifPresent(l -> {
            store.delete(l.id());
            tenancy.byId(l.tenantId()).ifPresent(LicenseSummary::clearFrom);
        });
        return license;
    }

    /**
     * The tenant's license summary, normally from the organization's cached attributes. If they
     * are missing (an admin replaced the organization's attributes through the admin API), the
     * license table answers and the summary is written back, so only that one token pays a query.
     */
    public Optional<LicenseSummary> summary(OrganizationModel tenant) {
        Optional<LicenseSummary> cached = LicenseSummary.readFrom(tenant);
        if (cached.isPresent()) {
            return cached;
        }
        Optional<LicenseSummary> stored = store.byTenant(tenant.getId()).map(LicenseSummary::of);
        stored.ifPresent(s -> s.writeTo(tenant));
        return stored;
    }

    /**
     * The license of the user's primary tenant, from the cached summary: the heartbeat path reads
     * no database row in steady state.
     */
    public Optional<TenantLicense> forUser(UserModel user) {
        return tenancy.primary(user).flatMap(m -> summary(m.tenant())
                .map(s -> new TenantLicense(m, s.toLicense(realmId, m.tenant().getId()))));
    }

    /**
     * Makes sure a user has a tenant: self-registered users (and users created without one)
     * get a personal tenant with a FREE license. Idempotent, so it can run at registration
     * and again at every login as a repair.
     */
    public Optional<License> ensurePersonalTenant(UserModel user) {
        if (!tenancy.enabled() || tenancy.hasAnyTenant(user)) {
            return Optional.empty();
        }
        OrganizationModel tenant = tenancy.createPersonalTenant(user);
        return Optional.of(create(tenant, Tier.FREE, 1, null, null));
    }

    public record TenantLicense(Membership membership, License license) {
    }
}
