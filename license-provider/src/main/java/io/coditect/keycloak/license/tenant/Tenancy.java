package io.coditect.keycloak.license.tenant;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;

/**
 * Who belongs to which tenant. A tenant is a Keycloak Organization; a user's role in it is
 * kept in the organization's attributes {@code coditect.owners} and {@code coditect.admins}
 * (lists of user ids), everyone else being a member.
 *
 * <p>The primary tenant of a user in several organizations is, in this order: the one named
 * by the user attribute {@code coditect.primary_tenant} (if the user is still a member), the
 * one the user owns, then the one whose alias sorts first. It is deterministic, so the claims
 * never flip between tokens.
 */
public final class Tenancy {

    public static final String OWNERS = "coditect.owners";
    public static final String ADMINS = "coditect.admins";
    public static final String PRIMARY_TENANT = "coditect.primary_tenant";

    private final KeycloakSession session;

    public Tenancy(KeycloakSession session) {
        this.session = session;
    }

    public boolean enabled() {
        OrganizationProvider orgs = organizations();
        return orgs != null && orgs.isEnabled();
    }

    public Optional<Membership> primary(UserModel user) {
        if (!enabled()) {
            return Optional.empty();
        }
        List<OrganizationModel> tenants = organizations().getByMember(user).toList();
        if (tenants.isEmpty()) {
            return Optional.empty();
        }
        String preferred = user.getFirstAttribute(PRIMARY_TENANT);
        Optional<OrganizationModel> chosen = tenants.stream().filter(t -> t.getId().equals(preferred)).findFirst();
        if (chosen.isEmpty()) {
            chosen = tenants.stream().filter(t -> listed(t, OWNERS, user)).min(byAlias());
        }
        if (chosen.isEmpty()) {
            chosen = tenants.stream().min(byAlias());
        }
        return chosen.map(t -> new Membership(t, roleIn(t, user)));
    }

    public Optional<Membership> membership(OrganizationModel tenant, UserModel user) {
        return organizations().isMember(tenant, user) ? Optional.of(new Membership(tenant, roleIn(tenant, user)))
                : Optional.empty();
    }

    public String roleIn(OrganizationModel tenant, UserModel user) {
        if (listed(tenant, OWNERS, user)) {
            return Membership.OWNER;
        }
        if (listed(tenant, ADMINS, user)) {
            return Membership.ADMIN;
        }
        return Membership.MEMBER;
    }

    public Optional<OrganizationModel> byId(String id) {
        if (!enabled() || id == null || id.length() > 36) {
            return Optional.empty();
        }
        return Optional.ofNullable(organizations().getById(id));
    }

    /**
     * The personal tenant of a self-registered user: a new organization with the user as its
     * owner, made the user's primary tenant.
     */
    public OrganizationModel createPersonalTenant(UserModel user) {
        OrganizationProvider orgs = organizations();
        OrganizationModel tenant = orgs.create(personalName(user), "personal-" + user.getId());
        tenant.setDescription("Personal CODITECT tenant of " + user.getUsername());
        tenant.setAttributes(java.util.Map.of(OWNERS, List.of(user.getId())));
        orgs.addMember(tenant, user);
        user.setSingleAttribute(PRIMARY_TENANT, tenant.getId());
        return tenant;
    }

    public boolean hasAnyTenant(UserModel user) {
        return enabled() && organizations().getByMember(user).findAny().isPresent();
    }

    private static String personalName(UserModel user) {
        // Organization names are unique per realm; the user id keeps them so.
        return user.getUsername() + " (" + user.getId().substring(0, 8) + ")";
    }

    private static boolean listed(OrganizationModel tenant, String attribute, UserModel user) {
        List<String> ids = tenant.getAttributes().get(attribute);
        return ids != null && ids.contains(user.getId());
    }

    private static Comparator<OrganizationModel> byAlias() {
        return Comparator.comparing(OrganizationModel::getAlias, Comparator.nullsLast(Comparator.naturalOrder()));
    }

    private OrganizationProvider organizations() {
        return session.getProvider(OrganizationProvider.class);
    }
}
