package io.coditect.keycloak.license.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coditect.keycloak.license.model.Tier;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The policy's JSON form (snake_case, as the admin API shows it). Parsing is strict: an
 * unknown tier, field or out-of-range value is an {@link InvalidPolicyException} with a
 * sentence saying which; a tier left out keeps its defaults.
 */
public final class TierPolicyJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern SCOPE = Pattern.compile("[a-z][a-z0-9_.:-]{0,63}");
    private static final Set<String> TOP_FIELDS = Set.of("tiers", "role_scopes", "quota_zone");
    private static final Set<String> TIER_FIELDS = Set.of("daily_command_quota", "heartbeat_interval",
            "grace_period_days", "mfa_required", "scopes");

    private TierPolicyJson() {
    }

    public static ObjectNode write(TierPolicy policy) {
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode tiers = root.putObject("tiers");
        for (Tier tier : Tier.values()) {
            TierRules r = policy.rules(tier);
            ObjectNode t = tiers.putObject(tier.name());
            if (r.dailyCommandQuota() == null) {
                t.putNull("daily_command_quota");
            } else {
                t.put("daily_command_quota", r.dailyCommandQuota());
            }
            t.put("heartbeat_interval", r.heartbeatInterval());
            t.put("grace_period_days", r.gracePeriodDays());
            t.put("mfa_required", r.mfaRequired());
            ArrayNode scopes = t.putArray("scopes");
            r.scopes().forEach(scopes::add);
        }
        ObjectNode roles = root.putObject("role_scopes");
        policy.roleScopes().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> e.getValue().forEach(roles.withArray(e.getKey())::add));
        root.put("quota_zone", policy.quotaZone().getId());
        return root;
    }

    public static String toJson(TierPolicy policy) {
        return write(policy).toString();
    }

    public static TierPolicy parse(String json) {
        try {
            return parse(MAPPER.readTree(json));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InvalidPolicyException("The policy is not valid JSON.");
        }
    }

    public static TierPolicy parse(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new InvalidPolicyException("The policy must be a JSON object.");
        }
        rejectUnknown(root, TOP_FIELDS, "policy");
        TierPolicy defaults = TierPolicy.defaults();
        Map<Tier, TierRules> tiers = new EnumMap<>(defaults.tiers());
        JsonNode tiersNode = root.get("tiers");
        if (tiersNode != null && !tiersNode.isNull()) {
            if (!tiersNode.isObject()) {
                throw new InvalidPolicyException("'tiers' must be an object keyed by tier name.");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = tiersNode.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                Tier tier = Tier.parse(e.getKey()).filter(t -> t.name().equals(e.getKey()))
                        .orElseThrow(() -> new InvalidPolicyException(
                                "Unknown tier '" + e.getKey() + "'; expected FREE, PRO or ENTERPRISE."));
                tiers.put(tier, rules(tier.name(), e.getValue(), defaults.rules(tier)));
            }
        }
        Map<String, List<String>> roleScopes = new LinkedHashMap<>(defaults.roleScopes());
        JsonNode rolesNode = root.get("role_scopes");
        if (rolesNode != null && !rolesNode.isNull()) {
            if (!rolesNode.isObject()) {
                throw new InvalidPolicyException("'role_scopes' must be an object keyed by role.");
            }
            roleScopes.clear();
            for (Iterator<Map.Entry<String, JsonNode>> it = rolesNode.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!Set.of("owner", "admin", "member").contains(e.getKey())) {
                    throw new InvalidPolicyException("Unknown role '" + e.getKey() + "'; expected owner, admin or member.");
                }
                roleScopes.put(e.getKey(), scopes("role_scopes." + e.getKey(), e.getValue()));
            }
        }
        ZoneId zone = defaults.quotaZone();
        JsonNode zoneNode = root.get("quota_zone");
        if (zoneNode != null && !zoneNode.isNull()) {
            if (!zoneNode.isTextual()) {
                throw new InvalidPolicyException("'quota_zone' must be a time zone id such as \"UTC\".");
            }
            try {
                zone = ZoneId.of(zoneNode.asText());
            } catch (DateTimeException e) {
                throw new InvalidPolicyException("'quota_zone' is not a known time zone: " + zoneNode.asText());
            }
        }
        return new TierPolicy(tiers, roleScopes, zone);
    }

    private static TierRules rules(String name, JsonNode node, TierRules defaults) {
        if (!node.isObject()) {
            throw new InvalidPolicyException("Tier " + name + " must be an object.");
        }
        rejectUnknown(node, TIER_FIELDS, "tier " + name);
        Long quota = defaults.dailyCommandQuota();
        if (node.has("daily_command_quota")) {
            JsonNode q = node.get("daily_command_quota");
            if (q.isNull()) {
                quota = null;
            } else if (q.isIntegralNumber() && q.canConvertToLong() && q.longValue() >= 0 && q.longValue() <= 1_000_000_000L) {
                quota = q.longValue();
            } else {
                throw new InvalidPolicyException(name + ".daily_command_quota must be null (unlimited) or an integer from 0 to 1000000000.");
            }
        }
        int heartbeat = intField(node, name, "heartbeat_interval", defaults.heartbeatInterval(), 5, 86_400);
        int grace = intField(node, name, "grace_period_days", defaults.gracePeriodDays(), 0, 365);
        boolean mfa = defaults.mfaRequired();
        if (node.has("mfa_required")) {
            if (!node.get("mfa_required").isBoolean()) {
                throw new InvalidPolicyException(name + ".mfa_required must be true or false.");
            }
            mfa = node.get("mfa_required").booleanValue();
        }
        List<String> scopes = node.has("scopes") ? scopes(name + ".scopes", node.get("scopes")) : defaults.scopes();
        return new TierRules(quota, heartbeat, grace, mfa, scopes);
    }

    private static int intField(JsonNode node, String tier, String field, int fallback, int min, int max) {
        if (!node.has(field)) {
            return fallback;
        }
        JsonNode v = node.get(field);
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < min || v.intValue() > max) {
            throw new InvalidPolicyException(tier + "." + field + " must be an integer from " + min + " to " + max + ".");
        }
        return v.intValue();
    }

    private static List<String> scopes(String where, JsonNode node) {
        if (!node.isArray() || node.size() > 32) {
            throw new InvalidPolicyException(where + " must be an array of at most 32 scope names.");
        }
        List<String> scopes = new ArrayList<>();
        for (JsonNode s : node) {
            if (!s.isTextual() || !SCOPE.matcher(s.asText()).matches()) {
                throw new InvalidPolicyException(where + " holds an invalid scope name; use e.g. \"sync:write\".");
            }
            if (!scopes.contains(s.asText())) {
                scopes.add(s.asText());
            }
        }
        return scopes;
    }

    private static void rejectUnknown(JsonNode node, Set<String> known, String where) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String field = it.next();
            if (!known.contains(field)) {
                throw new InvalidPolicyException("Unknown field '" + field + "' in " + where + ".");
            }
        }
    }

    /** The sentence says what to fix; it becomes a 400 invalid_request. */
    public static class InvalidPolicyException extends RuntimeException {
        public InvalidPolicyException(String message) {
            super(message, null, false, false);
        }
    }
}
