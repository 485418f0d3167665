package io.coditect.keycloak.license.model;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Licenses of one realm in Keycloak's database. Every query is scoped by realm id, so an id
 * of another realm is simply not found.
 */
public final class LicenseStore {

    private final KeycloakSession session;
    private final RealmModel realm;
    private EntityManager em;

    public LicenseStore(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    // Looked up on first use: the hot paths (tokens, heartbeats, quota) read the cached license
    // summary and must not pay for an entity manager they never use.
    private EntityManager em() {
        if (em == null) {
            em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        }
        return em;
    }

    public License create(String tenantId, Tier tier, int seats, Instant expiresAt, Integer gracePeriodDays,
            Instant now) {
        LicenseEntity e = new LicenseEntity();
        e.setId(UUID.randomUUID().toString());
        e.setRealmId(realm.getId());
        e.setTenantId(tenantId);
        e.setLicenseKey(LicenseKey.generate());
        e.setTier(tier.name());
        e.setSeats(seats);
        e.setStatus(LicenseStatus.ACTIVE.name());
        e.setExpiresAt(expiresAt == null ? null : expiresAt.toEpochMilli());
        e.setGracePeriodDays(gracePeriodDays);
        e.setCreatedAt(now.toEpochMilli());
        e.setUpdatedAt(now.toEpochMilli());
        em().persist(e);
        em().flush();
        return License.of(e);
    }

    public Optional<License> byId(String id) {
        return entity(id).map(License::of);
    }

    public Optional<License> byTenant(String tenantId) {
        return em().createNamedQuery("coditectLicenseByTenant", LicenseEntity.class)
                .setParameter("realmId", realm.getId())
                .setParameter("tenantId", tenantId)
                .getResultStream().findFirst().map(License::of);
    }

    public List<License> search(String tenantId, Tier tier, LicenseStatus status, int first, int max) {
        CriteriaBuilder cb = em().getCriteriaBuilder();
        CriteriaQuery<LicenseEntity> q = cb.createQuery(LicenseEntity.class);
        Root<LicenseEntity> root = q.from(LicenseEntity.class);
        List<Predicate> where = new ArrayList<>();
        where.add(cb.equal(root.get("realmId"), realm.getId()));
        if (tenantId != null) {
            where.add(cb.equal(root.get("tenantId"), tenantId));
        }
        if (tier != null) {
            where.add(cb.equal(root.get("tier"), tier.name()));
        }
        if (status != null) {
            where.add(cb.equal(root.get("status"), status.name()));
        }
        q.where(where.toArray(Predicate[]::new)).orderBy(cb.asc(root.get("createdAt")), cb.asc(root.get("id")));
        TypedQuery<LicenseEntity> query = em().createQuery(q).setFirstResult(first).setMaxResults(max);
        return query.getResultList().stream().map(License::of).toList();
    }

    /** Applies the non-null changes; returns the updated license. */
    public Optional<License> update(String id, LicenseChange change, Instant now) {
        return entity(id).map(e -> {
            if (change.tier() != null) {
                e.setTier(change.tier().name());
            }
            if (change.seats() != null) {
                e.setSeats(change.seats());
            }
            if (change.status() != null) {
                e.setStatus(change.status().name());
            }
            if (change.clearExpiresAt()) {
                e.setExpiresAt(null);
            } else if (change.expiresAt() != null) {
                e.setExpiresAt(change.expiresAt().toEpochMilli());
            }
            if (change.clearGracePeriodDays()) {
                e.setGracePeriodDays(null);
            } else if (change.gracePeriodDays() != null) {
                e.setGracePeriodDays(change.gracePeriodDays());
            }
            e.setUpdatedAt(now.toEpochMilli());
            em().flush();
            return License.of(e);
        });
    }

    public boolean delete(String id) {
        return entity(id).map(e -> {
            em().remove(e);
            em().flush();
            return true;
        }).orElse(false);
    }

    public void deleteAllOfRealm() {
        em().createNamedQuery("coditectDeleteLicensesOfRealm").setParameter("realmId", realm.getId()).executeUpdate();
    }

    private Optional<LicenseEntity> entity(String id) {
        if (id == null || id.length() > 36) {
            return Optional.empty();
        }
        LicenseEntity e = em().find(LicenseEntity.class, id);
        return e != null && realm.getId().equals(e.getRealmId()) ? Optional.of(e) : Optional.empty();
    }

    /** A partial update; null fields stay as they are. */
    public record LicenseChange(Tier tier, Integer seats, LicenseStatus status, Instant expiresAt,
            boolean clearExpiresAt, Integer gracePeriodDays, boolean clearGracePeriodDays) {
    }
}
