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
        return of(config, CONFIG, fallback);
    }

    /** The tiers under another config key of the same execution. */
    static Set<Tier> of(AuthenticatorConfigModel config, String key, Set<Tier> fallback) {
        if (config == null || config.getConfig() == null || config.getConfig().get(key) == null) {
            return fallback;
        }
        Set<Tier> tiers = EnumSet.noneOf(Tier.class);
        for (String name : config.getConfig().get(key).split(Constants.CFG_DELIMITER + "|,")) {
            Tier.parse(name).ifPresent(tiers::add);
        }
        return tiers;
    }
}
