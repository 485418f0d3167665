package io.coditect.client;

/** Shows enough of a license key to recognise it ("CDT-XXXX…7Q2M"), never enough to use it. */
public final class LicenseKeyMask {

    private static final int VISIBLE_TAIL = 4;

    private LicenseKeyMask() {
    }

    public static String mask(String licenseKey) {
        if (licenseKey == null || licenseKey.isBlank()) {
            return null;
        }
        String key = licenseKey.trim();
        int dash = key.indexOf('-');
        String prefix = dash > 0 && dash <= 4 ? key.substring(0, dash + 1) : "";
        // Too short to show a tail without revealing most of the key.
        if (key.length() < prefix.length() + 2 * VISIBLE_TAIL) {
            return prefix + "XXXX";
        }
        return prefix + "XXXX…" + key.substring(key.length() - VISIBLE_TAIL);
    }
}
