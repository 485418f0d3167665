package io.coditect.client.cli;

import io.coditect.client.HttpTransport;
import io.coditect.client.JdkHttpTransport;
import io.coditect.client.Sleeper;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.time.Clock;
import java.util.Map;
import java.util.function.Consumer;

/** Everything the CLI takes from the outside world, so tests can hand in fakes. */
public record CliEnvironment(
        Map<String, String> env,
        String userHome,
        PrintWriter out,
        PrintWriter err,
        HttpTransport transport,
        Clock clock,
        Sleeper sleeper,
        ProcessLauncher launcher,
        Consumer<URI> browser,
        String hostName) {

    public static CliEnvironment system() {
        Charset charset = Charset.defaultCharset();
        return new CliEnvironment(
                System.getenv(),
                System.getProperty("user.home"),
                new PrintWriter(new java.io.OutputStreamWriter(System.out, charset), true),
                new PrintWriter(new java.io.OutputStreamWriter(System.err, charset), true),
                new JdkHttpTransport(),
                Clock.systemUTC(),
                Sleeper.system(),
                ProcessLauncher.inheritIo(),
                BrowserOpener::open,
                hostName(System.getenv()));
    }

    private static String hostName(Map<String, String> env) {
        String name = env.getOrDefault("HOSTNAME", env.get("COMPUTERNAME"));
        if (name != null && !name.isBlank()) {
            return name;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
