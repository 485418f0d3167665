package io.coditect.store;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.UnifiedJedis;

/**
 * A real {@code redis-server} child process on a free local port, for the Redis tests. It can be
 * stopped and started again on the same port, to play an outage. CI installs Redis; a machine
 * without it fails these tests rather than skipping them, so a missing server is never mistaken
 * for a pass.
 */
final class RedisServer implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(15);

    private final Path binary;
    private final int port;
    private final Path directory;
    private final List<String> arguments;
    private Process process;

    private RedisServer(Path binary, int port, Path directory, List<String> arguments) {
        this.binary = binary;
        this.port = port;
        this.directory = directory;
        this.arguments = arguments;
        Runtime.getRuntime().addShutdownHook(new Thread(this::kill));
    }

    /** A plain server; {@code extraArguments} are appended, e.g. {@code --requirepass x}. */
    static RedisServer launch(String... extraArguments) {
        int port = freePort();
        List<String> arguments = new ArrayList<>(List.of(
                "--port", Integer.toString(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"));
        arguments.addAll(List.of(extraArguments));
        RedisServer server = new RedisServer(findBinary(), port, temporaryDirectory(), arguments);
        server.start();
        return server;
    }

    /**
     * A Redis Cluster of one node owning every slot: enough to prove that each script stays in
     * one slot, since Redis refuses a script that reaches keys of another slot.
     */
    static RedisServer launchOneNodeCluster() {
        RedisServer server = launch("--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf");
        try (UnifiedJedis admin = RedisConnections.open(new RedisSettings(server.url(), Duration.ofSeconds(2), 1))) {
            // ADDSLOTS with every slot rather than ADDSLOTSRANGE, which needs Redis 7.
            String[] addSlots = new String[1 + 16384];
            addSlots[0] = "ADDSLOTS";
            for (int slot = 0; slot < 16384; slot++) {
                addSlots[slot + 1] = Integer.toString(slot);
            }
            admin.sendCommand(Protocol.Command.CLUSTER, addSlots);
            long deadline = System.nanoTime() + STARTUP.toNanos();
            while (!new String((byte[]) admin.sendCommand(Protocol.Command.CLUSTER, "INFO"), StandardCharsets.UTF_8)
                    .contains("cluster_state:ok")) {
                if (System.nanoTime() > deadline) {
                    fail("one-node cluster on port " + server.port + " did not become ready");
                }
                pause();
            }
        }
        return server;
    }

    /** A Sentinel watching the master at {@code masterPort} under {@code masterName}. */
    static RedisServer launchSentinel(String masterName, int masterPort, String masterPassword) {
        int port = freePort();
        Path directory = temporaryDirectory();
        Path config = directory.resolve("sentinel.conf");
        try {
            Files.writeString(config, String.join("\n",
                    "port " + port,
                    "bind 127.0.0.1",
                    "sentinel monitor " + masterName + " 127.0.0.1 " + masterPort + " 1",
                    "sentinel down-after-milliseconds " + masterName + " 5000",
                    masterPassword == null ? "" : "sentinel auth-pass " + masterName + " " + masterPassword,
                    ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RedisServer sentinel = new RedisServer(findBinary(), port, directory, List.of(config.toString(), "--sentinel"));
        sentinel.start();
        return sentinel;
    }

    int port() {
        return port;
    }

    String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** Starts the process (again, on the same port) and waits until it answers PING. */
    void start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("redis-server on port " + port + " is already running");
        }
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        command.addAll(arguments);
        try {
            process = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("redis.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + binary, e);
        }
        awaitPing();
    }

    /** Stops the process and waits until it is gone; the port is free again afterwards. */
    void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    @Override
    public void close() {
        stop();
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException ignored) {
            // a leftover temporary directory is harmless
        }
    }

    private void kill() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
    }

    private void awaitPing() {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                fail("redis-server on port " + port + " exited with " + process.exitValue() + ":\n" + log());
            }
            if (answersPing()) {
                return;
            }
            pause();
        }
        kill();
        fail("redis-server on port " + port + " did not answer PING within " + STARTUP + ":\n" + log());
    }

    /** A client for checking what the stores wrote; generous limits, it is not under test. */
    UnifiedJedis client() {
        return RedisConnections.open(new RedisSettings(url(), Duration.ofSeconds(5), 4));
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted while waiting for redis-server");
        }
    }

    /** PONG, or NOAUTH from a server that requires a password: either way it is serving. */
    private boolean answersPing() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            socket.setSoTimeout(500);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[64];
            int read = in.read(buffer);
            String reply = read > 0 ? new String(buffer, 0, read, StandardCharsets.US_ASCII) : "";
            return reply.startsWith("+PONG") || reply.startsWith("-NOAUTH");
        } catch (IOException notYet) {
            return false;
        }
    }

    private String log() {
        try {
            return Files.readString(directory.resolve("redis.log"));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static Path findBinary() {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String entry : path.split(File.pathSeparator)) {
                Path candidate = Path.of(entry, "redis-server");
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        return fail("redis-server is not on the PATH. The Redis store tests run against a real server: "
                + "install Redis (e.g. apt-get install redis-server) and run the build again.");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free local port", e);
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("coditect-redis-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
