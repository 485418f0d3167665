package io.coditect.keycloak.license.store;

import io.coditect.store.QuotaCounter;
import io.coditect.store.SeatStore;
import org.keycloak.provider.Provider;

/** The seat store and quota counter of this node; both share one connection pool. */
public interface CoditectStoreProvider extends Provider {

    SeatStore seats();

    QuotaCounter quota();

    @Override
    default void close() {
        // The stores are owned by the factory, which lives as long as the server.
    }
}
