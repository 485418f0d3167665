package io.coditect.keycloak.quota.auth;

import io.coditect.keycloak.license.model.Tier;
import java.util.EnumSet;
import java.util.Set;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.Constants;

/** The tiers named in an authenticator's config (a multivalued string, "##"-separated by Keycloak). */
final class TierSet {

    static final String CONFIG = "tiers";

    private TierSet() {
    }

    static Set<Tier> of(AuthenticatorConfigModel config, Set<Tier> fallback) {
        if (config == null || config.getConfig() == null || config.getConfig().get(CONFIG) == null) {
            return fallback;
        }
        Set<Tier> tiers = EnumSet.noneOf(Tier.class);
        for (String name : config.getConfig().get(CONFIG).split(Constants.CFG_DELIMITER + "|,")) {
            Tier.parse(name).ifPresent(tiers::add);
        }
        return tiers;
    }
}
