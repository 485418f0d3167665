package io.coditect.client;

import java.nio.file.Path;
import java.util.UUID;

/**
 * This installation's stable device id: a random UUID made once and kept in the config
 * directory. Random rather than derived from hardware, so it identifies a seat without
 * fingerprinting the machine.
 */
public final class DeviceId {

    static final String FILE_NAME = "device-id";

    private DeviceId() {
    }

    public static String loadOrCreate(Path configDir) {
        Path file = configDir.resolve(FILE_NAME);
        String existing = SecureFiles.read(file).map(String::trim).orElse("");
        if (isUuid(existing)) {
            return existing;
        }
        String created = UUID.randomUUID().toString();
        SecureFiles.writePrivate(file, created + "\n");
        return created;
    }

    private static boolean isUuid(String value) {
        try {
            UUID.fromString(value);
            return value.length() == 36;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
