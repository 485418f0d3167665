package io.coditect.client;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The client wired together for one server, realm and config directory. Every part is
 * created on first use, so a command that needs only the token store reads no keys and
 * opens no connections.
 */
public final class CoditectClient {

    /** {@code offline_access} makes the refresh token outlive the browser session: a week offline is fine. */
    public static final String SCOPE = "openid offline_access";

    private final ServerConfig server;
    private final Path configDir;
    private final HttpTransport transport;
    private final Clock clock;
    private final Sleeper sleeper;

    private OidcDiscovery discovery;
    private TokenManager tokens;
    private JwksCache jwks;
    private String deviceId;

    private CoditectClient(Builder builder) {
        this.server = Objects.requireNonNull(builder.server, "server");
        this.configDir = builder.configDir != null ? builder.configDir : ConfigDirectory.resolve();
        this.transport = builder.transport != null ? builder.transport : new JdkHttpTransport();
        this.clock = builder.clock != null ? builder.clock : Clock.systemUTC();
        this.sleeper = builder.sleeper != null ? builder.sleeper : Sleeper.system();
    }

    public static Builder builder() {
        return new Builder();
    }

    public ServerConfig server() {
        return server;
    }

    public Path configDir() {
        return configDir;
    }

    public Clock clock() {
        return clock;
    }

    public synchronized String deviceId() {
        if (deviceId == null) {
            deviceId = DeviceId.loadOrCreate(configDir);
        }
        return deviceId;
    }

    public synchronized OidcDiscovery discovery() {
        if (discovery == null) {
            discovery = new OidcDiscovery(server, transport);
        }
        return discovery;
    }

    public TokenStore tokenStore() {
        return new TokenStore(configDir, server.issuer());
    }

    public TokenEndpoint tokenEndpoint() {
        return new TokenEndpoint(discovery()::endpoints, transport, server.clientId(), clock);
    }

    public synchronized TokenManager tokens() {
        if (tokens == null) {
            tokens = new TokenManager(tokenStore(), tokenEndpoint(), clock);
        }
        return tokens;
    }

    public DeviceFlowLogin deviceFlowLogin() {
        return new DeviceFlowLogin(discovery()::endpoints, transport, tokenEndpoint(), clock, sleeper);
    }

    public LoopbackLogin loopbackLogin(Duration timeout) {
        return new LoopbackLogin(discovery()::endpoints, tokenEndpoint(), timeout);
    }

    public synchronized JwksCache jwks() {
        if (jwks == null) {
            jwks = new JwksCache(server.issuer(), () -> discovery().endpoints().jwksUri(), transport,
                    configDir.resolve(JwksCache.FILE_NAME), clock);
        }
        return jwks;
    }

    public JwtVerifier jwtVerifier() {
        return new JwtVerifier(jwks(), server.issuer());
    }

    public LeaseVerifier leaseVerifier() {
        return new LeaseVerifier(jwtVerifier());
    }

    public AccessTokenVerifier accessTokenVerifier() {
        return new AccessTokenVerifier(jwtVerifier());
    }

    public BearerClient bearer() {
        return new BearerClient(server, transport, tokens());
    }

    public LicenseApi licenses() {
        return new LicenseApi(bearer());
    }

    public QuotaApi quota() {
        return new QuotaApi(bearer());
    }

    public SessionLogout logout() {
        return new SessionLogout(discovery()::endpoints, transport, server.clientId(), bearer());
    }

    public LeaseStore leaseStore() {
        return new LeaseStore(configDir, server.issuer());
    }

    public HybridLicenseValidator validator(Scheduler scheduler, ValidatorSettings settings) {
        return new HybridLicenseValidator(licenses(), leaseVerifier(), leaseStore(), deviceId(), clock, scheduler, settings);
    }

    /** Builder; only {@link #server} is required. */
    public static final class Builder {
        private ServerConfig server;
        private Path configDir;
        private HttpTransport transport;
        private Clock clock;
        private Sleeper sleeper;

        public Builder server(ServerConfig server) {
            this.server = server;
            return this;
        }

        public Builder configDir(Path configDir) {
            this.configDir = configDir;
            return this;
        }

        public Builder transport(HttpTransport transport) {
            this.transport = transport;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = sleeper;
            return this;
        }

        public CoditectClient build() {
            return new CoditectClient(this);
        }
    }
}
