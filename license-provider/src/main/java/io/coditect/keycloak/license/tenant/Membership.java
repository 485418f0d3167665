package io.coditect.keycloak.license.tenant;

import org.keycloak.models.OrganizationModel;

/** A user's place in a tenant: the organization and the user's role there. */
public record Membership(OrganizationModel tenant, String role) {

    public static final String OWNER = "owner";
    public static final String ADMIN = "admin";
    public static final String MEMBER = "member";

    public boolean managesLicense() {
        return OWNER.equals(role) || ADMIN.equals(role);
    }
}
