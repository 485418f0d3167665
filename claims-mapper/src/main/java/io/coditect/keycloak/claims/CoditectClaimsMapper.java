package io.coditect.keycloak.claims;

import io.coditect.keycloak.license.policy.TierPolicyStore;
import io.coditect.keycloak.license.tenant.LicenseSummary;
import io.coditect.keycloak.license.tenant.Membership;
import io.coditect.keycloak.license.tenant.TenantLicenses;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.mappers.AbstractOIDCProtocolMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.protocol.oidc.mappers.OIDCIDTokenMapper;
import org.keycloak.protocol.oidc.mappers.TokenIntrospectionTokenMapper;
import org.keycloak.protocol.oidc.mappers.UserInfoTokenMapper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.representations.IDToken;

/**
 * Adds {@code tenant_id}, {@code tier}, {@code license_key}, {@code role} and {@code scopes}
 * (a JSON array) to the tokens it is switched on for. It reads only cached models (the user's
 * organizations, the tenant's license summary attributes, the realm's tier policy), so it adds
 * no database round trip per token in steady state (a tenant without any license costs one
 * indexed lookup per token). It never fails token issuance: on any
 * error it logs (without the token) and issues {@code tier: "NONE"}.
 */
public class CoditectClaimsMapper extends AbstractOIDCProtocolMapper implements OIDCAccessTokenMapper,
        OIDCIDTokenMapper, UserInfoTokenMapper, TokenIntrospectionTokenMapper {

    public static final String PROVIDER_ID = "coditect-claims-mapper";
    private static final Logger LOG = Logger.getLogger(CoditectClaimsMapper.class);
    private static final List<ProviderConfigProperty> CONFIG = new ArrayList<>();

    static {
        OIDCAttributeMapperHelper.addIncludeInTokensConfig(CONFIG, CoditectClaimsMapper.class);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "CODITECT tenant and license";
    }

    @Override
    public String getDisplayCategory() {
        return TOKEN_MAPPER_CATEGORY;
    }

    @Override
    public String getHelpText() {
        return "Adds tenant_id, tier, license_key, role and scopes from the user's primary organization"
                + " and its CODITECT license.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG;
    }

    @Override
    protected void setClaim(IDToken token, ProtocolMapperModel mapping, UserSessionModel userSession,
            KeycloakSession session, ClientSessionContext clientSessionCtx) {
        Map<String, Object> claims;
        try {
            claims = compute(session, userSession);
        } catch (RuntimeException e) {
            LOG.warnf("Could not compute CODITECT claims for user %s (%s); issuing tier NONE",
                    userSession.getUser().getId(), e.toString());
            claims = TenantClaims.of(Optional.empty(), Optional.empty(), null, Instant.now());
        }
        token.getOtherClaims().putAll(claims);
    }

    private static Map<String, Object> compute(KeycloakSession session, UserSessionModel userSession) {
        RealmModel realm = userSession.getRealm();
        TenantLicenses licenses = new TenantLicenses(session, realm, Clock.systemUTC());
        Optional<Membership> membership = licenses.tenancy().primary(userSession.getUser());
        Optional<LicenseSummary> license = membership.flatMap(m -> licenses.summary(m.tenant()));
        return TenantClaims.of(membership, license, TierPolicyStore.get(realm), Instant.now());
    }
}
