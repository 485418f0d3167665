package io.coditect.client;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version this client was built as; sent to the server as client_version. */
public final class ClientVersion {

    private static final String VERSION = load();

    private ClientVersion() {
    }

    public static String current() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = ClientVersion.class.getResourceAsStream("client-version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
