package io.coditect.keycloak.license.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LicenseKeyTest {

    @Test
    void generatedKeysHaveTheFormatAndAValidCheckSymbol() {
        for (int i = 0; i < 1000; i++) {
            String key = LicenseKey.generate();
            assertThat(key).matches("CDT(-[0-9A-HJKMNP-TV-Z]{5}){4}");
            assertThat(LicenseKey.isValid(key)).as(key).isTrue();
        }
    }

    @Test
    void everySingleSymbolChangeIsCaught() {
        String key = LicenseKey.generate(new Random(42));
        for (int pos = 4; pos < key.length(); pos++) {
            if (key.charAt(pos) == '-') {
                continue;
            }
            for (char c : LicenseKey.ALPHABET.toCharArray()) {
                if (c == key.charAt(pos)) {
                    continue;
                }
                String typo = key.substring(0, pos) + c + key.substring(pos + 1);
                assertThat(LicenseKey.isValid(typo)).as(typo).isFalse();
            }
        }
    }

    @Test
    void malformedKeysAreInvalid() {
        assertThat(LicenseKey.isValid(null)).isFalse();
        assertThat(LicenseKey.isValid("")).isFalse();
        assertThat(LicenseKey.isValid("CDT-AAAAA-AAAAA-AAAAA")).isFalse();
        assertThat(LicenseKey.isValid("cdt-aaaaa-aaaaa-aaaaa-aaaaa")).isFalse();
        assertThat(LicenseKey.isValid("CDT-IIIII-OOOOO-UUUUU-LLLLL")).as("letters outside Crockford's alphabet").isFalse();
    }

    @Test
    void keysDoNotRepeat() {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            keys.add(LicenseKey.generate());
        }
        assertThat(keys).hasSize(10_000);
    }

    @Test
    void maskingKeepsOnlyTheLastFourSymbols() {
        assertThat(LicenseKey.masked("CDT-QHQTC-5GDCS-CV616-J58QP")).isEqualTo("CDT-****-58QP");
        assertThat(LicenseKey.masked(null)).isEqualTo("****");
    }
}
