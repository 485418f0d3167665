package io.coditect.keycloak.license.store;

import io.coditect.store.RedisConnections;
import io.coditect.store.RedisQuotaCounter;
import io.coditect.store.RedisSeatStore;
import io.coditect.store.RedisSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.EnvironmentDependentProviderFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.provider.ServerInfoAwareProviderFactory;
import redis.clients.jedis.UnifiedJedis;

/**
 * {@code coditect-store} provider {@code redis}: seats and quota counters shared by every node,
 * each atomic step one Lua script. Enabled (and preferred over in-memory) when
 * {@code --spi-coditect-store--redis--url} is set. The pool is created once here and closed with
 * the server; every call is bounded by the timeout, so a Redis outage is a fast 503, not a hang.
 */
public class RedisStoreProviderFactory implements CoditectStoreProviderFactory, EnvironmentDependentProviderFactory,
        ServerInfoAwareProviderFactory {

    public static final String ID = "redis";
    private static final Logger LOG = Logger.getLogger(RedisStoreProviderFactory.class);

    private RedisSettings settings;
    private String keyPrefix;
    private UnifiedJedis redis;
    private StoreProviders stores;

    @Override
    public boolean isSupported(Config.Scope config) {
        String url = config.get("url");
        return url != null && !url.isBlank();
    }

    @Override
    public void init(Config.Scope config) {
        settings = new RedisSettings(config.get("url"),
                Duration.ofMillis(config.getLong("timeout-ms", RedisSettings.DEFAULT_TIMEOUT.toMillis())),
                config.getInt("pool-max", RedisSettings.DEFAULT_MAX_POOL_SIZE));
        keyPrefix = config.get("key-prefix", "coditect:");
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        redis = RedisConnections.open(settings);
        stores = new StoreProviders(new RedisSeatStore(redis, keyPrefix), new RedisQuotaCounter(redis, keyPrefix));
        LOG.infof("CODITECT seat and quota store: %s, key prefix '%s'", settings, keyPrefix);
    }

    @Override
    public CoditectStoreProvider create(KeycloakSession session) {
        return stores;
    }

    @Override
    public void close() {
        if (redis != null) {
            redis.close();
        }
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name("url").type("string")
                .helpText("Redis URL: redis://[user:password@]host:port[/db], rediss://... (TLS), "
                        + "redis-sentinel://[password@]host:port,host:port/master, redis-cluster://host:port,host:port")
                .add()
                .property().name("timeout-ms").type("int").defaultValue(RedisSettings.DEFAULT_TIMEOUT.toMillis())
                .helpText("Connect, read and pool-wait timeout of every Redis call, in milliseconds.")
                .add()
                .property().name("pool-max").type("int").defaultValue(RedisSettings.DEFAULT_MAX_POOL_SIZE)
                .helpText("Most connections per node.")
                .add()
                .property().name("key-prefix").type("string").defaultValue("coditect:")
                .helpText("Prefix of every key, to share a Redis with other applications.")
                .add()
                .build();
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        return Map.of("store", "redis", "settings", String.valueOf(settings), "key-prefix", keyPrefix);
    }
}
