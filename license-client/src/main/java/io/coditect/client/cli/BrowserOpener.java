package io.coditect.client.cli;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/** Best-effort "open this URL in a browser"; the URL is always printed too, so failure is fine. */
final class BrowserOpener {

    private BrowserOpener() {
    }

    static void open(URI uri) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        List<String> command;
        if (os.contains("mac")) {
            command = List.of("open", uri.toString());
        } else if (os.contains("win")) {
            command = List.of("rundll32", "url.dll,FileProtocolHandler", uri.toString());
        } else {
            command = List.of("xdg-open", uri.toString());
        }
        try {
            new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException ignored) {
            // No opener on this machine (SSH session, container): the printed URL is enough.
        }
    }
}
