package io.coditect.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PkceTest {

    @Test
    void challengeMatchesRfc7636AppendixB() {
        assertThat(Pkce.challengeFor("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"))
                .isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
    }

    @Test
    void verifierIsUnreservedAndLongEnough() {
        Pkce pkce = Pkce.generate();

        // RFC 7636 §4.1: 43..128 characters from [A-Z a-z 0-9 - . _ ~]
        assertThat(pkce.verifier()).hasSizeBetween(43, 128).matches("[A-Za-z0-9\\-._~]+");
        assertThat(pkce.challenge()).isEqualTo(Pkce.challengeFor(pkce.verifier())).doesNotContain("=");
        assertThat(Pkce.METHOD).isEqualTo("S256");
    }

    @Test
    void everyGenerationIsFresh() {
        Set<String> verifiers = new HashSet<>();
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < 100; i++) {
            verifiers.add(Pkce.generate(random).verifier());
        }
        assertThat(verifiers).hasSize(100);
    }

    @Test
    void toStringHidesVerifier() {
        Pkce pkce = Pkce.generate();
        assertThat(pkce.toString()).doesNotContain(pkce.verifier());
    }
}
