package io.coditect.keycloak.license.seat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SeatTtlTest {

    @Test
    void aSeatOutlivesThreeMissedHeartbeatsPlusDrift() {
        assertThat(SeatTtl.seat(300)).isEqualTo(Duration.ofSeconds(1050));
        assertThat(SeatTtl.seat(300)).isGreaterThan(Duration.ofSeconds(3 * 300));
        assertThat(SeatTtl.seat(5)).isEqualTo(Duration.ofMillis(17_500));
    }

    @Test
    void aTombstoneOutlivesTheOfflineGrace() {
        assertThat(SeatTtl.tombstone(7)).isEqualTo(Duration.ofDays(8));
        assertThat(SeatTtl.tombstone(0)).isEqualTo(Duration.ofDays(1));
    }
}
