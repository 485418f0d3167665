package io.coditect.client.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coditect.client.CoditectClient;
import io.coditect.client.Identity;
import io.coditect.client.Json;
import io.coditect.client.NotLoggedInException;
import io.coditect.client.ServerUnavailableException;
import io.coditect.client.TokenSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code coditect whoami}: the claims of the stored access token, shown only after its
 * signature checks out against the realm's keys (cached, so this works offline).
 */
@Command(name = "whoami", description = "Show who you are logged in as: tenant, tier, role, scopes, masked license key.")
final class WhoamiCommand implements Callable<Integer> {

    @ParentCommand
    CoditectCommand root;

    @Override
    public Integer call() {
        CoditectClient client = root.client();
        TokenSet tokens = client.tokenStore().load().orElseThrow(() -> notLoggedIn(client));
        String accessToken = tokens.accessToken();
        boolean stale = false;
        if (accessToken == null || tokens.accessTokenExpiresWithin(java.time.Duration.ZERO, client.clock())) {
            try {
                accessToken = client.tokens().refresh().accessToken();
            } catch (ServerUnavailableException e) {
                // Offline: the last token still says who we are, even if the server would not accept it now.
                stale = accessToken != null;
                if (!stale) {
                    throw e;
                }
            }
        }
        Identity identity = client.accessTokenVerifier().verify(accessToken);

        ObjectNode json = Json.object();
        json.put("subject", identity.subject());
        json.put("username", identity.username());
        json.put("email", identity.email());
        json.put("tenant_id", identity.tenantId());
        json.put("tier", identity.tier());
        json.put("role", identity.role());
        json.putArray("scopes").addAll(identity.scopes().stream().map(json::textNode).toList());
        json.put("license_key", identity.maskedLicenseKey());
        json.put("token_expires_at", identity.expiresAt() == null ? null : identity.expiresAt().toString());
        json.put("offline", stale);
        json.put("server", client.server().issuer());

        StringBuilder human = new StringBuilder();
        line(human, "User", identity.username() + (identity.email() == null ? "" : " <" + identity.email() + ">"));
        line(human, "Tenant", identity.tenantId());
        line(human, "Tier", identity.tier());
        line(human, "Role", identity.role());
        line(human, "Scopes", identity.scopes().isEmpty() ? "-" : String.join(" ", identity.scopes()));
        line(human, "License key", identity.maskedLicenseKey());
        line(human, "Server", client.server().issuer());
        if (stale) {
            human.append("(offline: from the last token, which expired ")
                    .append(Durations.utc(identity.expiresAt())).append(")");
        } else {
            human.setLength(human.length() - 1);
        }
        root.output().result(human.toString(), json);
        return ExitCodes.OK;
    }

    private static NotLoggedInException notLoggedIn(CoditectClient client) {
        // A login for another server or realm is kept apart on purpose; say so instead of just "not logged in".
        return client.tokenStore().storedIssuer()
                .filter(issuer -> !issuer.equals(client.server().issuer()))
                .map(issuer -> new NotLoggedInException("Not logged in to " + client.server().issuer()
                        + " (the stored login is for " + issuer + "; pass --server/--realm or run 'coditect login')."))
                .orElseGet(() -> new NotLoggedInException("Not logged in; run 'coditect login'."));
    }

    private static void line(StringBuilder out, String label, String value) {
        out.append(String.format("%-12s %s\n", label + ":", value == null ? "-" : value));
    }
}
