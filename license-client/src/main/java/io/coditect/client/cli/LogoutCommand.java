package io.coditect.client.cli;

import io.coditect.client.CoditectClient;
import io.coditect.client.CoditectException;
import io.coditect.client.Json;
import io.coditect.client.ServerUnavailableException;
import io.coditect.client.TokenSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code coditect logout [--all]}: gives the seat back, ends the session, forgets the tokens. */
@Command(name = "logout", description = {
    "Log out: release this device's seat, end the login session at the server and delete the local tokens and lease.",
    "--all signs you out of every session (all devices and browsers)."})
final class LogoutCommand implements Callable<Integer> {

    @ParentCommand
    CoditectCommand root;

    @Option(names = "--all", description = "End all your sessions, not just this one.")
    boolean all;

    @Override
    public Integer call() {
        CoditectClient client = root.client();
        Optional<TokenSet> tokens = client.tokenStore().load();
        List<CoditectException> problems = new ArrayList<>();
        if (tokens.isPresent()) {
            // Release first: it needs a token that still works.
            attempt(problems, () -> {
                if (client.leaseStore().load().isPresent()) {
                    var validator = root.validator();
                    validator.resume();
                    validator.release();
                }
            });
            boolean everywhere = all && attempt(problems, () -> client.logout().endAllSessions());
            String refreshToken = tokens.get().refreshToken();
            if (!everywhere && refreshToken != null) {
                attempt(problems, () -> client.logout().endSession(refreshToken));
            }
        }
        // Local state goes whatever the server said: the user asked to be logged out here.
        client.tokenStore().delete();
        client.leaseStore().clear();

        if (problems.isEmpty()) {
            String message = tokens.isEmpty() ? "Not logged in; local state cleared."
                    : all ? "Logged out of all sessions." : "Logged out.";
            root.output().result(message, Json.object().put("logged_out", true).put("all", all));
            return ExitCodes.OK;
        }
        CoditectException first = problems.get(0);
        boolean network = problems.stream().anyMatch(p -> p instanceof ServerUnavailableException);
        String detail = String.join("; ", problems.stream().map(Throwable::getMessage).toList());
        throw new CliFailure(network ? ExitCodes.NETWORK : Failures.from(first, root.environment().clock()).exitCode(),
                network ? "network" : first.code(),
                "Logged out locally, but the server was not told everything (" + detail + ")."
                        + (all ? " Other sessions may still be active." : " The session ends when it times out."));
    }

    private static boolean attempt(List<CoditectException> problems, Runnable step) {
        try {
            step.run();
            return true;
        } catch (CoditectException e) {
            problems.add(e);
            return false;
        }
    }
}
