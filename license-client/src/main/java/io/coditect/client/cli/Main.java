package io.coditect.client.cli;

import picocli.CommandLine;

/** Entry point of {@code coditect-cli.jar}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, CliEnvironment.system()));
    }

    /** Runs the CLI and returns its exit code (see {@link ExitCodes}). */
    public static int run(String[] args, CliEnvironment environment) {
        CoditectCommand root = new CoditectCommand(environment);
        CommandLine commandLine = new CommandLine(root);
        commandLine.setOut(environment.out());
        commandLine.setErr(environment.err());
        // "coditect run make -j4": everything after the command name belongs to the command.
        commandLine.getSubcommands().get("run").setStopAtPositional(true);
        commandLine.setExecutionExceptionHandler((failure, cmd, parseResult) -> {
            CliFailure mapped = Failures.from(failure, environment.clock());
            root.output().failure(mapped);
            return mapped.exitCode();
        });
        return commandLine.execute(args);
    }
}
