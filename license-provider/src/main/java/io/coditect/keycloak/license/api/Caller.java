package io.coditect.keycloak.license.api;

import org.keycloak.models.ClientModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.representations.AccessToken;

/** The verified caller of a CODITECT realm endpoint. */
public record Caller(UserModel user, UserSessionModel userSession, AccessToken token, ClientModel client) {

    /** The client the token was issued to (azp), the audience of our leases. */
    public String clientId() {
        return client != null ? client.getClientId() : token.getIssuedFor();
    }
}
