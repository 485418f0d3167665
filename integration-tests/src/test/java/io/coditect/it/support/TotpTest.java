package io.coditect.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** RFC 6238 appendix B vectors (SHA1, seed "12345678901234567890"), last 6 digits. */
class TotpTest {

    @Test
    void matchesTheRfcVectors() {
        String seed = "12345678901234567890";
        assertThat(Totp.code(seed, Instant.ofEpochSecond(59))).isEqualTo("287082");
        assertThat(Totp.code(seed, Instant.ofEpochSecond(1111111109))).isEqualTo("081804");
        assertThat(Totp.code(seed, Instant.ofEpochSecond(1234567890))).isEqualTo("005924");
        assertThat(Totp.code(seed, Instant.ofEpochSecond(2000000000))).isEqualTo("279037");
    }
}
