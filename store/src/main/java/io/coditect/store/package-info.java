/**
 * License seats and daily quota counters, for the Keycloak providers; no Keycloak dependency.
 *
 * <p>{@link io.coditect.store.SeatStore} and {@link io.coditect.store.QuotaCounter} each have a
 * Redis implementation (one Lua script per atomic step, on any jedis
 * {@link redis.clients.jedis.UnifiedJedis}: standalone, Sentinel or Cluster, opened by
 * {@link io.coditect.store.RedisConnections}) and an in-memory one with the same semantics for a
 * single development node. Seat expiry is judged against the {@code now} the caller passes, so
 * Keycloak nodes agree and tests control time. Redis failures surface as
 * {@link io.coditect.store.StoreUnavailableException}.
 */
package io.coditect.store;
