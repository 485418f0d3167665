package io.coditect.client.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coditect.client.Json;
import java.io.PrintWriter;

/**
 * Where the CLI writes: human text by default, one JSON document with {@code --json}.
 * Results go to stdout, notes and prompts to stderr, so stdout stays parseable.
 */
final class Output {

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean json;
    // run hands stdout to the command it starts, so our own messages must stay off it.
    private boolean stdoutReserved;

    Output(PrintWriter out, PrintWriter err, boolean json) {
        this.out = out;
        this.err = err;
        this.json = json;
    }

    boolean json() {
        return json;
    }

    void reserveStdout() {
        stdoutReserved = true;
    }

    void result(String human, JsonNode document) {
        if (json) {
            target().println(Json.writePretty(document));
        } else {
            target().println(human);
        }
        flush();
    }

    /** A hint or warning for the person at the terminal. */
    void note(String text) {
        if (!json) {
            err.println(text);
            err.flush();
        }
    }

    /** Always shown on stderr, also in JSON mode (login prompts, offline warnings during run). */
    void notice(String text) {
        err.println(text);
        err.flush();
    }

    void failure(CliFailure failure) {
        if (json) {
            ObjectNode node = Json.object();
            node.put("error", failure.code());
            node.put("message", failure.getMessage());
            node.put("exit_code", failure.exitCode());
            if (failure.details() != null) {
                failure.details().fields().forEachRemaining(e -> {
                    if (!node.has(e.getKey())) {
                        node.set(e.getKey(), e.getValue());
                    }
                });
            }
            target().println(Json.writePretty(node));
        } else {
            err.println("coditect: " + failure.getMessage());
        }
        flush();
    }

    private PrintWriter target() {
        return stdoutReserved ? err : out;
    }

    private void flush() {
        out.flush();
        err.flush();
    }
}
