package io.coditect.client.cli;

import io.coditect.client.HybridLicenseValidator;
import io.coditect.client.Json;
import io.coditect.client.LicenseStatus;
import io.coditect.client.ServerUnavailableException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code coditect license status|acquire|release}. */
@Command(name = "license", description = "Check, take or give back this device's license seat.",
        subcommands = {LicenseCommand.Status.class, LicenseCommand.Acquire.class, LicenseCommand.Release.class})
final class LicenseCommand implements Callable<Integer> {

    @ParentCommand
    CoditectCommand root;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(root.environment().err());
        return ExitCodes.USAGE;
    }

    int report(LicenseStatus status) {
        String server = root.serverConfig().serverUrl().toString();
        root.output().result(LicenseReport.describe(status, server, root.environment().clock()),
                LicenseReport.json(status, server, root.environment().clock()));
        return LicenseReport.exitCode(status);
    }

    /** {@code license status}. */
    @Command(name = "status", description = {
        "Show the license state. Contacts the server (renewing this device's seat and lease) unless --offline.",
        "Exit code 0 online, 10 offline but still licensed; see --help of 'coditect' for the others."})
    static final class Status implements Callable<Integer> {

        @ParentCommand
        LicenseCommand parent;

        @Option(names = "--offline", description = "Only read the lease on disk; no network.")
        boolean offline;

        @Override
        public Integer call() {
            HybridLicenseValidator validator = parent.root.validator();
            return parent.report(offline ? validator.resume() : validator.start());
        }
    }

    /** {@code license acquire}. */
    @Command(name = "acquire", description = "Take a seat for this device (or confirm the one it has) and store the offline lease.")
    static final class Acquire implements Callable<Integer> {

        @ParentCommand
        LicenseCommand parent;

        @Override
        public Integer call() {
            HybridLicenseValidator validator = parent.root.validator();
            // Resume first, so a failing server leaves us OFFLINE on the stored lease rather than unlicensed.
            validator.resume();
            return parent.report(validator.acquire());
        }
    }

    /** {@code license release}. */
    @Command(name = "release", description = "Give this device's seat back and delete the local lease.")
    static final class Release implements Callable<Integer> {

        @ParentCommand
        LicenseCommand parent;

        @Override
        public Integer call() {
            HybridLicenseValidator validator = parent.root.validator();
            LicenseStatus resumed = validator.resume();
            String seat = resumed.sessionId();
            try {
                validator.release();
            } catch (ServerUnavailableException e) {
                throw new CliFailure(ExitCodes.NETWORK, "network", "Released locally, but the server could not be"
                        + " reached (" + e.getMessage() + "); the seat frees itself once its heartbeats stop.");
            }
            String message = seat == null ? "No seat held on this device." : "Released seat " + seat + ".";
            parent.root.output().result(message, Json.object().put("released", seat != null).put("session_id", seat));
            return ExitCodes.OK;
        }
    }
}
