package io.coditect.keycloak.quota;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class QuotaWindowTest {

    private static final ZoneId UTC = ZoneId.of("UTC");

    @Test
    void theUtcDayEndsAtMidnightUtc() {
        Clock clock = Clock.fixed(Instant.parse("2026-12-03T16:20:00Z"), ZoneOffset.UTC);
        QuotaWindow w = QuotaWindow.containing(clock.instant(), UTC);
        assertThat(w.start()).isEqualTo(Instant.parse("2026-12-03T00:00:00Z"));
        assertThat(w.end()).isEqualTo(Instant.parse("2026-12-04T00:00:00Z"));
        assertThat(w.secondsLeft(clock.instant())).isEqualTo(7 * 3600 + 40 * 60);
        assertThat(w.lengthSeconds()).isEqualTo(86_400);
    }

    @Test
    void theCountRestartsAtMidnightOfTheConfiguredZone() {
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        Instant beforeMidnight = Instant.parse("2026-12-03T14:59:59Z"); // 23:59:59 in Tokyo
        Instant afterMidnight = Instant.parse("2026-12-03T15:00:00Z");  // 00:00:00 next day in Tokyo
        QuotaWindow before = QuotaWindow.containing(beforeMidnight, tokyo);
        QuotaWindow after = QuotaWindow.containing(afterMidnight, tokyo);
        assertThat(before.key("r", "u")).isNotEqualTo(after.key("r", "u"));
        assertThat(before.end()).isEqualTo(afterMidnight);
        assertThat(before.secondsLeft(beforeMidnight)).isEqualTo(1);
        assertThat(after.start()).isEqualTo(afterMidnight);
        // Same instant, UTC: still the same UTC day on both sides of Tokyo's midnight.
        assertThat(QuotaWindow.containing(beforeMidnight, UTC).key("r", "u"))
                .isEqualTo(QuotaWindow.containing(afterMidnight, UTC).key("r", "u"));
    }

    @Test
    void aDstDayIsShorterOrLonger() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        assertThat(QuotaWindow.containing(Instant.parse("2026-03-29T12:00:00Z"), berlin).lengthSeconds())
                .isEqualTo(23 * 3600);
        assertThat(QuotaWindow.containing(Instant.parse("2026-10-25T12:00:00Z"), berlin).lengthSeconds())
                .isEqualTo(25 * 3600);
    }

    @Test
    void secondsLeftRoundsUpAndNeverReachesZero() {
        QuotaWindow w = QuotaWindow.containing(Instant.parse("2026-12-03T23:59:59.200Z"), UTC);
        assertThat(w.secondsLeft(Instant.parse("2026-12-03T23:59:59.200Z"))).isEqualTo(1);
        assertThat(w.secondsLeft(Instant.parse("2026-12-04T00:00:00Z"))).isEqualTo(1);
        assertThat(w.secondsLeft(Instant.parse("2026-12-03T23:59:58.500Z"))).isEqualTo(2);
    }
}
