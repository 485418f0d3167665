package io.coditect.client;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the client keeps its files: {@code $CODITECT_CONFIG_DIR}, else
 * {@code $XDG_CONFIG_HOME/coditect}, else {@code ~/.config/coditect}.
 */
public final class ConfigDirectory {

    public static final String OVERRIDE_ENV = "CODITECT_CONFIG_DIR";

    private ConfigDirectory() {
    }

    public static Path resolve() {
        return resolve(System.getenv(), System.getProperty("user.home"));
    }

    public static Path resolve(Map<String, String> env, String userHome) {
        String override = env.get(OVERRIDE_ENV);
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        // The XDG spec says relative values are invalid and must be ignored.
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "coditect");
        }
        return Path.of(userHome, ".config", "coditect");
    }
}
