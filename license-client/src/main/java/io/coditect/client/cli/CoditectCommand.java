package io.coditect.client.cli;

import io.coditect.client.CoditectClient;
import io.coditect.client.ConfigDirectory;
import io.coditect.client.HybridLicenseValidator;
import io.coditect.client.Scheduler;
import io.coditect.client.ServerConfig;
import io.coditect.client.ValidatorSettings;
import java.net.URI;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code coditect}: the root command, holding the options every subcommand shares. */
@Command(name = "coditect",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "CODITECT command-line client: log in, check your license, run commands within your quota.",
        subcommands = {
            LoginCommand.class, LogoutCommand.class, WhoamiCommand.class, LicenseCommand.class,
            SessionsCommand.class, QuotaCommand.class, RunCommand.class
        },
        footer = {"", ExitCodes.HELP_TABLE})
public final class CoditectCommand {

    @Option(names = "--server", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "Keycloak base URL (env CODITECT_SERVER, default " + ServerConfig.DEFAULT_SERVER + ").")
    String server;

    @Option(names = "--realm", scope = ScopeType.INHERIT,
            description = "Realm (env CODITECT_REALM, default " + ServerConfig.DEFAULT_REALM + ").")
    String realm;

    @Option(names = "--config-dir", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Where tokens and the lease are kept (env CODITECT_CONFIG_DIR, default $XDG_CONFIG_HOME/coditect or ~/.config/coditect).")
    Path configDir;

    @Option(names = "--json", scope = ScopeType.INHERIT, description = "Machine-readable JSON output.")
    boolean json;

    private final CliEnvironment environment;
    private CoditectClient client;
    private Output output;

    public CoditectCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    CliEnvironment environment() {
        return environment;
    }

    Output output() {
        if (output == null) {
            output = new Output(environment.out(), environment.err(), json);
        }
        return output;
    }

    ServerConfig serverConfig() {
        String url = firstOf(server, environment.env().get("CODITECT_SERVER"), ServerConfig.DEFAULT_SERVER);
        String realmName = firstOf(realm, environment.env().get("CODITECT_REALM"), ServerConfig.DEFAULT_REALM);
        URI uri = URI.create(url);
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new CliFailure(ExitCodes.USAGE, "invalid_server", "Not a server URL: " + url);
        }
        return new ServerConfig(uri, realmName, ServerConfig.DEFAULT_CLIENT_ID);
    }

    CoditectClient client() {
        if (client == null) {
            Path dir = configDir != null ? configDir : ConfigDirectory.resolve(environment.env(), environment.userHome());
            client = CoditectClient.builder()
                    .server(serverConfig())
                    .configDir(dir)
                    .transport(environment.transport())
                    .clock(environment.clock())
                    .sleeper(environment.sleeper())
                    .build();
        }
        return client;
    }

    /**
     * A validator for one check per invocation: the CLI is short-lived, so instead of timers it
     * persists the outcome and the next invocation resumes from it.
     */
    HybridLicenseValidator validator() {
        return client().validator(Scheduler.inactive(), ValidatorSettings.defaults().withDeviceName(environment.hostName()));
    }

    private static String firstOf(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
