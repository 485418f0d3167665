package io.coditect.it.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A throwaway PostgreSQL server (Debian's postgresql package) on a free loopback port, trust
 * authentication, database {@code keycloak}. PostgreSQL refuses to run as root, so as root the
 * commands run as the {@code postgres} user (runuser).
 */
public final class PostgresProcess implements AutoCloseable {

    private final Path dir;
    private final int port = FreePort.find();
    private final Path bin;
    private final boolean root = "root".equals(System.getProperty("user.name"));
    private boolean running;

    public PostgresProcess(Path workDir) {
        this.dir = workDir.resolve("postgres");
        this.bin = binaries();
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/keycloak";
    }

    public void start() {
        try {
            if (Files.exists(dir)) {
                run("rm", "-rf", dir.toString());
            }
            Files.createDirectories(dir);
            if (root) {
                run("chown", "postgres", dir.toString());
            }
            asOwner(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", "postgres",
                    "--auth=trust", "-E", "UTF8");
            asOwner(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-l",
                    dir.resolve("postgres.log").toString(), "-w", "-o",
                    "-p " + port + " -c listen_addresses=127.0.0.1 -k " + dir, "start");
            running = true;
            asOwner(bin.resolve("psql").toString(), "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", "postgres",
                    "-c", "CREATE DATABASE keycloak");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (running) {
            asOwner(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "fast", "-w", "stop");
            running = false;
        }
    }

    private void asOwner(String... command) {
        List<String> full = new ArrayList<>();
        if (root) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(Arrays.asList(command));
        run(full.toArray(String[]::new));
    }

    private void run(String... command) {
        try {
            Process p = new ProcessBuilder(command).directory(File.listRoots()[0]).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes());
            if (p.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path binaries() {
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (var versions = Files.list(debian)) {
                Path newest = versions.filter(v -> Files.isExecutable(v.resolve("bin/initdb")))
                        .max(Comparator.comparing(v -> Integer.parseInt(v.getFileName().toString().replaceAll("\\D", "0"))))
                        .orElse(null);
                if (newest != null) {
                    return newest.resolve("bin");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("PostgreSQL server binaries not found under /usr/lib/postgresql. Install them "
                + "(Debian: apt-get install -y postgresql); the cluster tests need a real PostgreSQL.");
    }
}
