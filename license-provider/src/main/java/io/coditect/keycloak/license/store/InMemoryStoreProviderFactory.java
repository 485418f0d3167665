package io.coditect.keycloak.license.store;

import io.coditect.store.InMemoryQuotaCounter;
import io.coditect.store.InMemorySeatStore;
import java.util.Map;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ServerInfoAwareProviderFactory;

/**
 * {@code coditect-store} provider {@code in-memory}: seats and quota counters in this JVM.
 * Right for a single development node; wrong for a cluster (each node would count alone), which
 * is why it says so at start. It is the default only when no Redis URL is configured.
 */
public class InMemoryStoreProviderFactory implements CoditectStoreProviderFactory, ServerInfoAwareProviderFactory {

    public static final String ID = "in-memory";
    private static final Logger LOG = Logger.getLogger(InMemoryStoreProviderFactory.class);

    private StoreProviders stores;

    @Override
    public CoditectStoreProvider create(KeycloakSession session) {
        return stores;
    }

    @Override
    public void init(Config.Scope config) {
        stores = new StoreProviders(new InMemorySeatStore(), new InMemoryQuotaCounter());
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        LOG.warn("CODITECT seat and quota store: in-memory. Counts are per node and lost on restart; "
                + "set --spi-coditect-store--redis--url for production or more than one node.");
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public int order() {
        return 0;
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        return Map.of("store", "in-memory", "scope", "this node only");
    }
}
