package io.coditect.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The real Keycloak distribution (unpacked from keycloak-quarkus-dist by the build) started with
 * {@code kc.sh start-dev}, the CODITECT bundle in {@code providers/} and the shipped realm
 * imported, on free ports.
 */
public final class KeycloakProcess implements AutoCloseable {

    private final Path home;
    private final Path log;
    private final int port = FreePort.find();
    private final int managementPort = FreePort.find();
    private Process process;

    public KeycloakProcess(Path home, Path workDir) {
        this.home = home;
        this.log = workDir.resolve("keycloak.log");
    }

    /**
     * A second, independent installation (its own data/ and build state), copied from the
     * unpacked distribution, for tests that need another node next to the shared one.
     */
    public static KeycloakProcess copy(Path distribution, Path target, Path workDir) throws IOException {
        if (!Files.exists(target.resolve("bin/kc.sh"))) {
            try (Stream<Path> files = Files.walk(distribution)) {
                for (Path source : files.toList()) {
                    Path relative = distribution.relativize(source);
                    if (relative.startsWith("data")) {
                        continue; // never another node's database or caches
                    }
                    Path dest = target.resolve(relative.toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(dest);
                    } else {
                        Files.copy(source, dest, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                }
            }
        }
        return new KeycloakProcess(target, workDir);
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public Path log() {
        return log;
    }

    public void install(Path providers, Path realmFile) throws IOException {
        Path target = home.resolve("providers");
        Files.createDirectories(target);
        try (Stream<Path> old = Files.list(target)) {
            for (Path jar : old.filter(p -> p.toString().endsWith(".jar")).toList()) {
                Files.delete(jar);
            }
        }
        try (Stream<Path> jars = Files.list(providers)) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
                Files.copy(jar, target.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Path imports = home.resolve("data/import");
        Files.createDirectories(imports);
        Files.copy(realmFile, imports.resolve("coditect-realm.json"), StandardCopyOption.REPLACE_EXISTING);
    }

    public int port() {
        return port;
    }

    /** A single node: in-memory H2, local caches, the realm imported. */
    public void start(List<String> extraOptions, Map<String, String> env) {
        List<String> options = new ArrayList<>(List.of("--import-realm", "--db=dev-mem", "--cache=local"));
        options.addAll(extraOptions);
        startWith(options, env);
    }

    /** {@code kc.sh start-dev} on this node's ports with exactly these further options. */
    public void startWith(List<String> options, Map<String, String> env) {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-port=" + port, "--http-management-port=" + managementPort,
                "--health-enabled=true", "--metrics-enabled=true"));
        command.addAll(options);
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        builder.environment().putAll(env);
        try {
            Files.createDirectories(log.getParent());
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        waitUntilReady(Duration.ofSeconds(Long.getLong("coditect.it.start-timeout-seconds", 420)));
    }

    private void waitUntilReady(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI wellKnown = URI.create(baseUrl() + "/realms/coditect/.well-known/openid-configuration");
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + ":\n" + tail());
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(wellKnown).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            RedisProcess.pause(500);
        }
        close();
        throw new IllegalStateException("Keycloak did not become ready within " + timeout + ":\n" + tail());
    }

    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() {
        if (process == null) {
            return;
        }
        // kc.sh may stay as the parent of the java process: stop the whole tree.
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle p : tree) {
            try {
                p.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
            }
        }
        process = null;
    }
}
