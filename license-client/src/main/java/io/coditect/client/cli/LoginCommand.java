package io.coditect.client.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coditect.client.CoditectClient;
import io.coditect.client.DeviceAuthorization;
import io.coditect.client.Identity;
import io.coditect.client.Json;
import io.coditect.client.CoditectException;
import io.coditect.client.TokenSet;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code coditect login}: device authorization grant by default, loopback auth code with --browser. */
@Command(name = "login", description = {
    "Log in (device flow: confirm a code in any browser; --browser: use a browser on this machine).",
    "The device flow shows a URL and a code to confirm in any browser, on any machine.",
    "--browser opens a browser here and receives the answer on http://127.0.0.1:<port>/callback."})
final class LoginCommand implements Callable<Integer> {

    @ParentCommand
    CoditectCommand root;

    @Option(names = "--browser", description = "Log in with a browser on this machine (authorization code + PKCE).")
    boolean browser;

    @Option(names = "--port", description = "Loopback port for --browser (default: any free port).")
    int port;

    @Option(names = "--no-open", description = "With --browser: only print the URL, do not launch a browser.")
    boolean noOpen;

    @Override
    public Integer call() {
        CoditectClient client = root.client();
        Output output = root.output();
        TokenSet tokens = browser
                ? client.loopbackLogin(Duration.ofMinutes(5)).login(CoditectClient.SCOPE, port, uri -> {
                    output.notice("Opening the login page in your browser. If it does not open, visit:\n  " + uri);
                    if (!noOpen) {
                        root.environment().browser().accept(uri);
                    }
                })
                : client.deviceFlowLogin().login(CoditectClient.SCOPE, authorization -> prompt(output, authorization));
        client.tokenStore().save(tokens);

        Identity identity = verify(client, output, tokens.accessToken());
        ObjectNode json = Json.object().put("logged_in", true).put("server", client.server().issuer());
        String who = "";
        if (identity != null) {
            json.put("username", identity.username()).put("tenant_id", identity.tenantId()).put("tier", identity.tier());
            who = " as " + identity.username() + " (tier " + identity.tier() + ")";
        }
        json.put("token_file", client.tokenStore().file().toString());
        output.result("Logged in" + who + ". Tokens saved to " + client.tokenStore().file() + ".", json);
        return ExitCodes.OK;
    }

    /** Verifying now also caches the realm's keys, so 'whoami' and leases work offline later. */
    private static Identity verify(CoditectClient client, Output output, String accessToken) {
        try {
            return client.accessTokenVerifier().verify(accessToken);
        } catch (CoditectException e) {
            output.note("warning: the new access token could not be verified: " + e.getMessage());
            return null;
        }
    }

    private static void prompt(Output output, DeviceAuthorization authorization) {
        output.notice("To log in, open this page in a browser:\n  " + authorization.bestUri()
                + "\nand check that it shows the code: " + authorization.userCode()
                + "\nWaiting for approval...");
    }
}
