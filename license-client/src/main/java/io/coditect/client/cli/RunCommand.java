package io.coditect.client.cli;

import io.coditect.client.CoditectClient;
import io.coditect.client.LicenseState;
import io.coditect.client.LicenseStatus;
import io.coditect.client.QuotaStatus;
import io.coditect.client.ServerUnavailableException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code coditect run -- CMD ARGS...}: checks the license and the quota, then runs the command
 * with this terminal's stdin/stdout/stderr and exits with its exit code.
 */
@Command(name = "run", description = {
    "Check the license and use one unit of today's command quota, then run CMD and exit with its exit code.",
    "Offline with a valid lease the command still runs (a warning says how long the grace lasts)."})
final class RunCommand implements Callable<Integer> {

    @ParentCommand
    CoditectCommand root;

    @Parameters(arity = "1..*", paramLabel = "CMD", description = "The command and its arguments (put them after --).")
    List<String> command;

    @Override
    public Integer call() {
        Output output = root.output();
        output.reserveStdout();
        CoditectClient client = root.client();
        String server = root.serverConfig().serverUrl().toString();

        LicenseStatus status = root.validator().start();
        if (!status.isLicensed()) {
            throw new CliFailure(LicenseReport.exitCode(status), status.state() == LicenseState.UNLICENSED
                    ? String.valueOf(status.reason()) : status.state().name().toLowerCase(java.util.Locale.ROOT),
                    LicenseReport.describe(status, server, client.clock()));
        }
        if (status.state() == LicenseState.OFFLINE) {
            // The quota lives on the server; offline grace exists only for tiers without a daily limit.
            output.notice(LicenseReport.graceNote(status));
        } else {
            consumeQuota(client, status, output);
        }
        try {
            return root.environment().launcher().run(command);
        } catch (IOException e) {
            throw new CliFailure(ExitCodes.COMMAND_NOT_FOUND, "command_not_found",
                    "Cannot run " + command.get(0) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure(ExitCodes.INTERNAL, "interrupted", "Interrupted while running " + command.get(0));
        }
    }

    private void consumeQuota(CoditectClient client, LicenseStatus status, Output output) {
        try {
            // Only the program's name: arguments can carry secrets and are none of the server's business.
            QuotaStatus quota = client.quota().consume(Path.of(command.get(0)).getFileName().toString());
            if (!quota.isUnlimited() && quota.remaining() != null && quota.remaining() <= 2) {
                output.note("coditect: " + quota.remaining() + " command(s) left today.");
            }
        } catch (ServerUnavailableException e) {
            if ("FREE".equals(status.tier())) {
                throw e;
            }
            // Paid tiers have no daily limit, so a quota server hiccup must not block work.
            output.note("coditect: quota service unreachable; continuing (" + status.tier() + " has no daily limit).");
        }
    }
}
