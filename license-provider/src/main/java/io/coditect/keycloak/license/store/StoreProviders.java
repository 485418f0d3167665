package io.coditect.keycloak.license.store;

import io.coditect.store.QuotaCounter;
import io.coditect.store.SeatStore;

/** The provider handed to each request: the factory's long-lived stores. */
record StoreProviders(SeatStore seats, QuotaCounter quota) implements CoditectStoreProvider {
}
