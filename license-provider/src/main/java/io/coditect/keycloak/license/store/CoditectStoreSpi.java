package io.coditect.keycloak.license.store;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/**
 * SPI {@code coditect-store}: where seats and quota counters live. Providers: {@code redis}
 * (shared by every node of a cluster) and {@code in-memory} (a single dev node). Options use
 * Keycloak 26 syntax, e.g. {@code --spi-coditect-store--redis--url=redis://host:6379}.
 */
public class CoditectStoreSpi implements Spi {

    public static final String NAME = "coditect-store";

    @Override
    public boolean isInternal() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public Class<? extends Provider> getProviderClass() {
        return CoditectStoreProvider.class;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return CoditectStoreProviderFactory.class;
    }
}
