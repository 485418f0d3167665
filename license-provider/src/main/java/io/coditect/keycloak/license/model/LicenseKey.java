package io.coditect.keycloak.license.model;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * License keys: {@code CDT-XXXXX-XXXXX-XXXXX-XXXXX}, 19 random symbols of Crockford's base32
 * (95 bits from {@link SecureRandom}, so keys cannot be guessed) and a final check symbol
 * (weighted sum mod 32), which catches every single mistyped symbol and most swaps of two
 * neighbours before a lookup is made.
 */
public final class LicenseKey {

    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final Pattern FORMAT = Pattern.compile("CDT(-[0-9A-HJKMNP-TV-Z]{5}){4}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private LicenseKey() {
    }

    public static String generate() {
        return generate(RANDOM);
    }

    static String generate(java.util.Random random) {
        char[] symbols = new char[20];
        for (int i = 0; i < 19; i++) {
            symbols[i] = ALPHABET.charAt(random.nextInt(32));
        }
        symbols[19] = checkSymbol(symbols, 19);
        StringBuilder key = new StringBuilder("CDT");
        for (int i = 0; i < 20; i++) {
            if (i % 5 == 0) {
                key.append('-');
            }
            key.append(symbols[i]);
        }
        return key.toString();
    }

    public static boolean isValid(String key) {
        if (key == null || !FORMAT.matcher(key).matches()) {
            return false;
        }
        char[] symbols = key.substring(4).replace("-", "").toCharArray();
        return checkSymbol(symbols, 19) == symbols[19];
    }

    /** Last four symbols only: what may appear in logs and listings. */
    public static String masked(String key) {
        if (key == null || key.length() < 4) {
            return "****";
        }
        return "CDT-****-" + key.substring(key.length() - 4);
    }

    private static char checkSymbol(char[] symbols, int count) {
        // Odd weights are invertible mod 32, so changing any one symbol always changes the sum.
        int sum = 0;
        for (int i = 0; i < count; i++) {
            sum += (2 * i + 1) * ALPHABET.indexOf(symbols[i]);
        }
        return ALPHABET.charAt(Math.floorMod(sum, 32));
    }
}
