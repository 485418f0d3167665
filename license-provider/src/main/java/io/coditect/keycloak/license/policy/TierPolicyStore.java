package io.coditect.keycloak.license.policy;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import org.keycloak.models.RealmModel;

/**
 * Keeps each realm's tier policy as a realm attribute. Realm attributes ride Keycloak's realm
 * cache (invalidated across the cluster on change), so reading the policy costs no database
 * round trip, and a change through the admin API is seen by every node on the next request.
 */
public final class TierPolicyStore {

    public static final String ATTRIBUTE = "coditect.tier-policy";
    private static final Logger LOG = Logger.getLogger(TierPolicyStore.class);
    // Parsing is cheap but runs per token; remember the last parse of each realm's JSON.
    private static final Map<String, Parsed> PARSED = new ConcurrentHashMap<>();
    private static final TierPolicy DEFAULTS = TierPolicy.defaults();

    private TierPolicyStore() {
    }

    public static TierPolicy get(RealmModel realm) {
        String json = realm.getAttribute(ATTRIBUTE);
        if (json == null || json.isBlank()) {
            return DEFAULTS; // the shipped realm's state until a policy is saved: built once, not per token
        }
        Parsed cached = PARSED.get(realm.getId());
        if (cached != null && cached.json.equals(json)) {
            return cached.policy;
        }
        TierPolicy policy;
        try {
            policy = TierPolicyJson.parse(json);
        } catch (TierPolicyJson.InvalidPolicyException e) {
            // Only the admin API writes this attribute, after validation; a hand-edited bad value
            // must not break logins, so fall back to the defaults and say so.
            LOG.warnf("Realm %s: attribute %s is invalid (%s); using the default tier policy",
                    realm.getName(), ATTRIBUTE, e.getMessage());
            policy = DEFAULTS;
        }
        PARSED.put(realm.getId(), new Parsed(json, policy));
        return policy;
    }

    public static void put(RealmModel realm, TierPolicy policy) {
        realm.setAttribute(ATTRIBUTE, TierPolicyJson.toJson(policy));
    }

    private record Parsed(String json, TierPolicy policy) {
    }
}
