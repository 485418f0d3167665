package io.coditect.client.cli;

import java.io.IOException;
import java.util.List;

/** Starts the command {@code coditect run} guards; a seam so tests do not spawn processes. */
@FunctionalInterface
public interface ProcessLauncher {

    /** Runs to completion with the CLI's stdin/stdout/stderr and returns the exit code. */
    int run(List<String> command) throws IOException, InterruptedException;

    static ProcessLauncher inheritIo() {
        return command -> new ProcessBuilder(command).inheritIO().start().waitFor();
    }
}
