package io.coditect.keycloak.quota;

import io.coditect.keycloak.license.model.Tier;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/**
 * Serves {@code /realms/{realm}/quota}. Option {@code fail-open-tiers}
 * ({@code --spi-realm-restapi-extension--quota--fail-open-tiers}): tiers whose commands are
 * allowed while Redis is unreachable; the others get 503. Default {@code PRO,ENTERPRISE}.
 */
public class QuotaResourceProviderFactory implements RealmResourceProviderFactory {

    public static final String ID = "quota";

    private Set<Tier> failOpenTiers;

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        Set<Tier> tiers = failOpenTiers;
        return new RealmResourceProvider() {
            @Override
            public Object getResource() {
                return new QuotaResource(session, Clock.systemUTC(), tiers);
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public void init(Config.Scope config) {
        failOpenTiers = parseTiers(config.get("fail-open-tiers", "PRO,ENTERPRISE"));
    }

    static Set<Tier> parseTiers(String value) {
        Set<Tier> tiers = EnumSet.noneOf(Tier.class);
        for (String name : value.split(",")) {
            if (name.isBlank()) {
                continue;
            }
            tiers.add(Tier.parse(name).orElseThrow(() -> new IllegalArgumentException(
                    "Unknown tier '" + name.trim() + "'; expected " + Arrays.toString(Tier.values()))));
        }
        return tiers;
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name("fail-open-tiers").type("string").defaultValue("PRO,ENTERPRISE")
                .helpText("Comma-separated tiers whose commands are allowed while the quota store is unreachable "
                        + "(the others get 503 store_unavailable).")
                .add().build();
    }

}
