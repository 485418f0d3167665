package io.coditect.keycloak.license.store;

import org.keycloak.provider.ProviderFactory;

public interface CoditectStoreProviderFactory extends ProviderFactory<CoditectStoreProvider> {
}
